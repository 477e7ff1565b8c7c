import { Inject, Injectable } from '@nestjs/common';
import { cadreRank, memberCategory } from '@lianxin/contracts';
import type { Actor } from '@lianxin/auth';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { PII_CIPHER, REGISTRY_DATA_SOURCE } from '../../../../shared/application/registry-tokens';
import { requireUnit } from '../../../../shared/application/scope';
import { normaliseMobile } from '../../../../shared/domain/mobile';
import { prefixUpperBound } from '../../../../shared/domain/prefix-range';
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
  /** Keyset pagination: the last id of the previous page (pages are in org path, then id order). */
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
      // Only the filters given become predicates (no `$n IS NULL OR …`), so the planner sees
      // each one. Under row-level security Postgres turns only leakproof operators of a query into
      // index conditions; `LIKE` is not one, `>=`/`<` on text are. So the subtree (besides RLS,
      // whose qual reads a setting) and a name prefix are stated as ranges (ADR 0008): the
      // subtree is a range of the (org_path, id) index, in page order, so the first page reads
      // `limit` rows; a name prefix is a range of the (name COLLATE "C") index.
      const params: unknown[] = [prefix, prefixUpperBound(prefix)];
      const where = ['org_path >= $1', 'org_path < $2'];
      const add = (sql: (n: string) => string, value: unknown): void => {
        params.push(value);
        where.push(sql(`$${params.length}`));
      };
      if (query.q) {
        add((n) => `name COLLATE "C" >= ${n}`, query.q);
        add((n) => `name COLLATE "C" < ${n}`, prefixUpperBound(query.q));
      }
      if (query.mobile)
        add((n) => `mobile_index = ${n}`, this.cipher.blindIndex('mobile', normaliseMobile(query.mobile)));
      if (query.residentId)
        add(
          (n) => `resident_id_index = ${n}`,
          this.cipher.blindIndex('resident-id', normaliseResidentId(query.residentId)),
        );
      if (query.category) add((n) => `category = ${n}`, query.category);
      if (query.cadreRank) add((n) => `cadre_rank = ${n}`, query.cadreRank);
      if (query.status) add((n) => `status = ${n}`, query.status);
      if (query.after) {
        // Resume after the previous page's last row: (org_path, id) > (its path, its id), written
        // with leakproof operators (a row comparison is not) so the path bound is an index condition.
        const [last] = await tx.manager.query<{ org_path: string }[]>(
          'SELECT org_path FROM members WHERE id = $1',
          [query.after],
        );
        if (!last) return { items: [], nextAfter: null };
        add((n) => `org_path >= ${n}`, last.org_path);
        params.push(query.after);
        where.push(`(org_path > $${params.length - 1} OR id > $${params.length})`);
      }
      params.push(query.limit);
      const rows = await tx.manager.query<MemberRow[]>(
        `SELECT ${MEMBER_COLUMNS} FROM members WHERE ${where.join(' AND ')} ORDER BY org_path, id LIMIT $${params.length}`,
        params,
      );
      return {
        items: rows.map((row) => toMemberView(row, actor, this.cipher)),
        nextAfter: rows.length === query.limit ? rows[rows.length - 1].id : null,
      };
    });
  }
}
