import { Inject, Injectable } from '@nestjs/common';
import { cadreRank, memberCategory } from '@lianxin/contracts';
import type { Actor } from '@lianxin/auth';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { PII_CIPHER, REGISTRY_DATA_SOURCE } from '../../../../shared/application/registry-tokens';
import { requireUnit } from '../../../../shared/application/scope';
import { normaliseMobile } from '../../../../shared/domain/mobile';
import { normaliseResidentId } from '../../../../shared/domain/resident-id';
import type { PiiCipher } from '../../../../shared/infrastructure/pii-cipher';
import { MEMBER_COLUMNS, type MemberRow } from '../../../infrastructure/member-row';
import { memberViewSchema, toMemberView, type MemberView } from '../../member-view';

export const listMembersQuery = z.strictObject({
  /** Members in this unit's subtree; default the caller's whole scope. */
  unitId: z.uuid().optional(),
  /** Name prefix. */
  q: z.string().trim().min(1).max(50).optional(),
  /** Exact lookup by phone or ID number through the blind index (nothing is decrypted to search). */
  mobile: z.string().max(20).optional(),
  residentId: z.string().max(18).optional(),
  category: memberCategory.optional(),
  cadreRank: cadreRank.optional(),
  status: z.enum(['active', 'transferring', 'inactive']).optional(),
  /** Keyset pagination: the last id of the previous page. */
  after: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListMembersQuery = z.output<typeof listMembersQuery>;

export const memberPageSchema = z.object({
  items: z.array(memberViewSchema),
  nextAfter: z.uuid().nullable(),
});

@Injectable()
export class ListMembersHandler {
  constructor(
    @Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PII_CIPHER) private readonly cipher: PiiCipher,
  ) {}

  execute(query: ListMembersQuery, actor: Actor): Promise<{ items: MemberView[]; nextAfter: string | null }> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const prefix = query.unitId ? (await requireUnit(tx.manager, query.unitId)).org_path : actor.scope;
      const rows = await tx.manager.query<MemberRow[]>(
        `SELECT ${MEMBER_COLUMNS} FROM members
          WHERE org_path LIKE $1 || '%'
            AND ($2::text IS NULL OR name LIKE $2 || '%')
            AND ($3::text IS NULL OR mobile_index = $3)
            AND ($4::text IS NULL OR resident_id_index = $4)
            AND ($5::text IS NULL OR category = $5)
            AND ($6::text IS NULL OR cadre_rank = $6)
            AND ($7::text IS NULL OR status = $7)
            AND ($8::uuid IS NULL OR id > $8)
          ORDER BY id LIMIT $9`,
        [
          prefix,
          query.q?.replace(/[%_\\]/g, '\\$&') ?? null,
          query.mobile ? this.cipher.blindIndex('mobile', normaliseMobile(query.mobile)) : null,
          query.residentId
            ? this.cipher.blindIndex('resident-id', normaliseResidentId(query.residentId))
            : null,
          query.category ?? null,
          query.cadreRank ?? null,
          query.status ?? null,
          query.after ?? null,
          query.limit,
        ],
      );
      return {
        items: rows.map((row) => toMemberView(row, actor, this.cipher)),
        nextAfter: rows.length === query.limit ? rows[rows.length - 1].id : null,
      };
    });
  }
}
