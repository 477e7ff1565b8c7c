import { Inject, Injectable } from '@nestjs/common';
import { orgUnitDeactivatedV1 } from '@lianxin/contracts';
import type { Actor } from '@lianxin/auth';
import { BusinessRuleError, ConflictError } from '@lianxin/platform-http';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { publish } from '../../../../shared/application/event-factory';
import {
  REGISTRY_DATA_SOURCE,
  REGISTRY_SETTINGS,
  type RegistrySettings,
} from '../../../../shared/application/registry-tokens';
import { requireUnit } from '../../../../shared/application/scope';
import { toOrgUnitView, type OrgUnitView } from '../../org-unit-view';

export const deactivateOrgUnitQuery = z.strictObject({
  reason: z.enum(['merged', 'dissolved', 'created_in_error', 'other']),
  successorUnitId: z.uuid().optional(),
});
export type DeactivateOrgUnitCommand = z.output<typeof deactivateOrgUnitQuery> & { id: string };

@Injectable()
export class DeactivateOrgUnitHandler {
  constructor(
    @Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(REGISTRY_SETTINGS) private readonly settings: RegistrySettings,
  ) {}

  /** Units are never erased (history refers to them); only an empty unit can be deactivated. */
  execute(command: DeactivateOrgUnitCommand, actor: Actor): Promise<OrgUnitView> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const unit = await requireUnit(tx.manager, command.id);
      if (!unit.active) throw new ConflictError('the unit is already deactivated', { allowed: [] });
      const successor = command.successorUnitId
        ? await requireUnit(tx.manager, command.successorUnitId, 'successor unit')
        : undefined;
      const [use] = await tx.manager.query<{ units: number; members: number; households: number }[]>(
        `SELECT (SELECT count(*) FROM org_units WHERE org_path LIKE $1 || '%' AND org_path <> $1 AND active)::int AS units,
                (SELECT count(*) FROM members WHERE org_path LIKE $1 || '%' AND status <> 'inactive')::int AS members,
                (SELECT count(*) FROM households WHERE org_path LIKE $1 || '%' AND active)::int AS households`,
        [unit.org_path],
      );
      if (use.units + use.members + use.households > 0) {
        throw new BusinessRuleError(
          `move or deactivate what is in the unit first (${use.units} units, ${use.members} members, ${use.households} households)`,
          { rule: 'unit-not-empty' },
        );
      }
      await tx.manager.query(
        'UPDATE org_units SET active = false, version = version + 1, updated_at = now() WHERE id = $1',
        [unit.id],
      );
      publish(
        tx,
        orgUnitDeactivatedV1,
        actor,
        'registry.org-unit.write',
        { districtId: unit.district_id, orgPath: unit.org_path, aggregateId: unit.id },
        {
          orgUnitId: unit.id,
          path: unit.org_path,
          reasonCode: command.reason,
          successorUnitId: successor?.id ?? null,
          effectiveOn: this.settings.today(),
        },
      );
      return toOrgUnitView(await requireUnit(tx.manager, unit.id));
    });
  }
}
