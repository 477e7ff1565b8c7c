import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@lianxin/auth';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { REGISTRY_DATA_SOURCE } from '../../../../shared/application/registry-tokens';
import { requireUnit } from '../../../../shared/application/scope';
import type { PostTypeView } from '../../commands/create-post-type/create-post-type.handler';

export const listPostTypesQuery = z.strictObject({
  /** Post types usable in this unit: defined on it or on one of its ancestors within scope. */
  unitId: z.uuid().optional(),
});

@Injectable()
export class ListPostTypesHandler {
  constructor(@Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource) {}

  execute(query: z.output<typeof listPostTypesQuery>, actor: Actor): Promise<{ items: PostTypeView[] }> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const path = query.unitId ? (await requireUnit(tx.manager, query.unitId)).org_path : null;
      const rows = await tx.manager.query<
        { id: string; unit_id: string; org_path: string; code: string; name: string; duties: string[] }[]
      >(
        `SELECT id, unit_id, org_path, code, name, duties FROM post_types
          WHERE ($1::text IS NULL OR $1 LIKE org_path || '%') ORDER BY org_path, code`,
        [path],
      );
      return {
        items: rows.map((r) => ({
          id: r.id,
          unitId: r.unit_id,
          orgPath: r.org_path,
          code: r.code,
          name: r.name,
          duties: r.duties,
        })),
      };
    });
  }
}
