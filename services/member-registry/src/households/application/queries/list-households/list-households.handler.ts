import { Inject, Injectable } from '@nestjs/common';
import { hardshipStatus } from '@lianxin/contracts';
import type { Actor } from '@lianxin/auth';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { PII_CIPHER, REGISTRY_DATA_SOURCE } from '../../../../shared/application/registry-tokens';
import { requireUnit } from '../../../../shared/application/scope';
import { normaliseResidentId } from '../../../../shared/domain/resident-id';
import type { PiiCipher } from '../../../../shared/infrastructure/pii-cipher';
import { listHouseholds } from '../../../infrastructure/household.repository';
import { householdViewSchema, toHouseholdView, type HouseholdView } from '../../household-view';

export const listHouseholdsQuery = z.strictObject({
  unitId: z.uuid().optional(),
  hardshipStatus: hardshipStatus.optional(),
  residentId: z.string().max(18).optional(),
  after: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListHouseholdsQuery = z.output<typeof listHouseholdsQuery>;
export const householdPageSchema = z.object({
  items: z.array(householdViewSchema),
  nextAfter: z.uuid().nullable(),
});

@Injectable()
export class ListHouseholdsHandler {
  constructor(
    @Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PII_CIPHER) private readonly cipher: PiiCipher,
  ) {}

  execute(
    query: ListHouseholdsQuery,
    actor: Actor,
  ): Promise<{ items: HouseholdView[]; nextAfter: string | null }> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const prefix = query.unitId ? (await requireUnit(tx.manager, query.unitId)).org_path : actor.scope;
      const rows = await listHouseholds(tx.manager, {
        prefix,
        hardshipStatus: query.hardshipStatus ?? null,
        residentIdIndex: query.residentId
          ? this.cipher.blindIndex('resident-id', normaliseResidentId(query.residentId))
          : null,
        after: query.after ?? null,
        limit: query.limit,
      });
      return {
        items: rows.map((r) => toHouseholdView(r, actor, this.cipher)),
        nextAfter: rows.length === query.limit ? rows[rows.length - 1].id : null,
      };
    });
  }
}
