import { Inject, Injectable } from '@nestjs/common';
import { orgUnitRenamedV1 } from '@lianxin/contracts';
import type { Actor } from '@lianxin/auth';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { publish } from '../../../../shared/application/event-factory';
import { REGISTRY_DATA_SOURCE } from '../../../../shared/application/registry-tokens';
import { requireUnit, type UnitRow } from '../../../../shared/application/scope';
import { toOrgUnitView, type OrgUnitView } from '../../org-unit-view';

export const renameOrgUnitBody = z.strictObject({ name: z.string().trim().min(1).max(100) });
export type RenameOrgUnitCommand = z.infer<typeof renameOrgUnitBody> & { id: string };

@Injectable()
export class RenameOrgUnitHandler {
  constructor(@Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource) {}

  execute(command: RenameOrgUnitCommand, actor: Actor): Promise<OrgUnitView> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const unit = await requireUnit(tx.manager, command.id);
      if (unit.name === command.name) return toOrgUnitView(unit);
      const [rows] = await tx.manager.query<[UnitRow[], number]>(
        'UPDATE org_units SET name = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING *',
        [unit.id, command.name],
      );
      publish(
        tx,
        orgUnitRenamedV1,
        actor,
        'registry.org-unit.write',
        { districtId: unit.district_id, orgPath: unit.org_path, aggregateId: unit.id },
        {
          orgUnitId: unit.id,
          previousUnitName: unit.name,
          unitName: command.name,
        },
      );
      return toOrgUnitView(rows[0]);
    });
  }
}
