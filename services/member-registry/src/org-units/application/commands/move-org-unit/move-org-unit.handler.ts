import { Inject, Injectable } from '@nestjs/common';
import { orgUnitMovedV1 } from '@lianxin/contracts';
import type { Actor } from '@lianxin/auth';
import { BusinessRuleError } from '@lianxin/platform-http';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { publish } from '../../../../shared/application/event-factory';
import { REGISTRY_DATA_SOURCE } from '../../../../shared/application/registry-tokens';
import { requireUnit } from '../../../../shared/application/scope';
import { checkMove, childPath, TREE_MESSAGES } from '../../../domain/org-tree';
import { toOrgUnitView, type OrgUnitView } from '../../org-unit-view';

export const moveOrgUnitBody = z.strictObject({ parentId: z.uuid() });
export type MoveOrgUnitCommand = z.infer<typeof moveOrgUnitBody> & { id: string };

/** Every table whose rows carry the org path of a unit; a move rewrites them all in one go. */
const PATH_TABLES = [
  'members',
  'households',
  'party_groups',
  'party_group_members',
  'party_group_activities',
  'post_types',
  'post_selections',
  'post_selection_applications',
  'post_selection_nominations',
  'post_selection_objections',
  'post_selection_audit',
  'posts',
  'member_cards',
  'import_runs',
  'member_transfers',
] as const;

@Injectable()
export class MoveOrgUnitHandler {
  constructor(@Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource) {}

  /**
   * Children follow: every descendant unit and every row under the old path gets the new prefix
   * (and the new district when the move crosses districts). The new parent is looked up through
   * the actor's scope, so a district admin cannot even name a parent in another district (404).
   */
  execute(command: MoveOrgUnitCommand, actor: Actor): Promise<OrgUnitView> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const unit = await requireUnit(tx.manager, command.id);
      const parent = await requireUnit(tx.manager, command.parentId, 'parent org unit');
      const problem = checkMove(unit.org_path, unit.level, unit.parent_id, {
        id: parent.id,
        path: parent.org_path,
        level: parent.level,
      });
      if (problem) throw new BusinessRuleError(TREE_MESSAGES[problem], { rule: problem });
      const oldPath = unit.org_path;
      const newPath = childPath(parent.org_path, unit.code);
      const districtId = unit.level === 'district' ? unit.id : parent.district_id;
      const prefixParams = [oldPath, newPath, districtId];
      await tx.manager.query(
        'UPDATE org_units SET parent_id = $2, version = version + 1, updated_at = now() WHERE id = $1',
        [unit.id, parent.id],
      );
      await tx.manager.query(
        `UPDATE org_units SET org_path = $2 || substr(org_path, length($1) + 1), district_id = $3,
           depth = depth + ($4::int - $5::int) WHERE org_path LIKE $1 || '%'`,
        [...prefixParams, parent.depth + 1, unit.depth],
      );
      for (const table of PATH_TABLES) {
        await tx.manager.query(
          `UPDATE ${table} SET org_path = $2 || substr(org_path, length($1) + 1), district_id = $3 WHERE org_path LIKE $1 || '%'`,
          prefixParams,
        );
      }
      await tx.manager.query(
        `UPDATE member_transfers SET to_org_path = $2 || substr(to_org_path, length($1) + 1) WHERE to_org_path LIKE $1 || '%'`,
        [oldPath, newPath],
      );
      publish(
        tx,
        orgUnitMovedV1,
        actor,
        'registry.org-unit.write',
        { districtId, orgPath: newPath, aggregateId: unit.id },
        {
          orgUnitId: unit.id,
          previousParentId: unit.parent_id ?? parent.id,
          parentId: parent.id,
          previousPath: oldPath,
          path: newPath,
          districtId: districtId ?? parent.id,
        },
      );
      return toOrgUnitView(await requireUnit(tx.manager, unit.id));
    });
  }
}
