import { Inject, Injectable } from '@nestjs/common';
import { orgUnitCreatedV1 } from '@lianxin/contracts';
import type { Actor } from '@lianxin/auth';
import { BusinessRuleError, ConflictError } from '@lianxin/platform-http';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { publish } from '../../../../shared/application/event-factory';
import { REGISTRY_DATA_SOURCE } from '../../../../shared/application/registry-tokens';
import { requireUnit, type UnitRow } from '../../../../shared/application/scope';
import { orgCodeSchema } from '../../../../shared/domain/field-schemas';
import { ORG_UNIT_KINDS } from '../../../../shared/domain/labels';
import { checkPlacement, childPath, levelOfKind, TREE_MESSAGES } from '../../../domain/org-tree';
import { toOrgUnitView, type OrgUnitView } from '../../org-unit-view';

export const createOrgUnitBody = z.strictObject({
  parentId: z.uuid(),
  code: orgCodeSchema,
  name: z.string().trim().min(1).max(100),
  kind: z.enum(ORG_UNIT_KINDS),
  /** Rural (农村/农牧村) unit: its members count as rural in statistics. Defaults to the parent's. */
  rural: z.boolean().optional(),
});
export type CreateOrgUnitCommand = z.infer<typeof createOrgUnitBody>;

@Injectable()
export class CreateOrgUnitHandler {
  constructor(@Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource) {}

  execute(command: CreateOrgUnitCommand, actor: Actor): Promise<OrgUnitView> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const parent = await requireUnit(tx.manager, command.parentId, 'parent org unit');
      const problem = checkPlacement(parent.level, command.kind);
      if (problem) throw new BusinessRuleError(TREE_MESSAGES[problem], { rule: problem });
      const id = uuidv7();
      const level = levelOfKind(command.kind);
      const path = childPath(parent.org_path, command.code);
      const districtId = level === 'district' ? id : parent.district_id;
      const rows = await tx.manager.query<UnitRow[]>(
        `INSERT INTO org_units (id, parent_id, code, name, level, kind, rural, district_id, org_path, depth)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (org_path) DO NOTHING RETURNING *`,
        [
          id,
          parent.id,
          command.code,
          command.name,
          level,
          command.kind,
          command.rural ?? parent.rural,
          districtId,
          path,
          parent.depth + 1,
        ],
      );
      const unit = rows[0];
      if (!unit)
        throw new ConflictError(`A unit with code ${command.code} already exists under ${parent.org_path}`);
      publish(
        tx,
        orgUnitCreatedV1,
        actor,
        'registry.org-unit.write',
        { districtId, orgPath: path, aggregateId: id },
        {
          orgUnitId: id,
          parentId: parent.id,
          code: command.code,
          level,
          unitName: command.name,
          path,
        },
      );
      return toOrgUnitView(unit);
    });
  }
}
