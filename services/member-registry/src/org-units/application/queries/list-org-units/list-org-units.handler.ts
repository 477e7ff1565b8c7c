import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@lianxin/auth';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { REGISTRY_DATA_SOURCE } from '../../../../shared/application/registry-tokens';
import { requireUnit, type UnitRow } from '../../../../shared/application/scope';
import { LEVELS } from '../../../domain/org-tree';
import { toOrgUnitView, type OrgUnitView } from '../../org-unit-view';

export const listOrgUnitsQuery = z.strictObject({
  /** Only units under this one (the unit itself excluded). */
  under: z.uuid().optional(),
  parentId: z.uuid().optional(),
  level: z.enum(LEVELS).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListOrgUnitsQuery = z.infer<typeof listOrgUnitsQuery>;

@Injectable()
export class ListOrgUnitsHandler {
  constructor(@Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource) {}

  execute(query: ListOrgUnitsQuery, actor: Actor): Promise<{ items: OrgUnitView[] }> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const prefix = query.under ? (await requireUnit(tx.manager, query.under)).org_path : actor.scope;
      const rows = await tx.manager.query<UnitRow[]>(
        `SELECT * FROM org_units
          WHERE org_path LIKE $1 || '%' AND ($2::uuid IS NULL OR parent_id = $2) AND ($3::text IS NULL OR level = $3)
            AND ($4::boolean OR org_path <> $1)
          ORDER BY org_path LIMIT $5 OFFSET $6`,
        [
          prefix,
          query.parentId ?? null,
          query.level ?? null,
          query.under === undefined,
          query.limit,
          query.offset,
        ],
      );
      return { items: rows.map(toOrgUnitView) };
    });
  }
}
