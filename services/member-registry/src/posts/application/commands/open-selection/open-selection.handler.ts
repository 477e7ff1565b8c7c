import { postSelectionOpenedV1 } from '@lianxin/contracts';
import { BusinessRuleError } from '@lianxin/platform-http';
import { v7 as uuidv7 } from 'uuid';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@lianxin/auth';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  REGISTRY_DATA_SOURCE,
  REGISTRY_SETTINGS,
  type RegistrySettings,
} from '../../../../shared/application/registry-tokens';
import { toSelectionView, type SelectionView } from '../../selection-view';
import { currentCorrelationId, publish, roleFor } from '../../../../shared/application/event-factory';
import { requireUnit } from '../../../../shared/application/scope';
import { businessDateSchema } from '../../../../shared/domain/field-schemas';
import { requireSelection } from '../../../infrastructure/selection.repository';

export const openSelectionBody = z.strictObject({
  branchId: z.uuid(),
  postTypeId: z.uuid(),
  seats: z.number().int().min(1).max(20),
  applicationsCloseOn: businessDateSchema,
  /** Objection window after publication; default from POST_OBJECTION_WINDOW_DAYS. */
  objectionWindowDays: z.number().int().min(1).max(60).optional(),
});
export type OpenSelectionCommand = z.output<typeof openSelectionBody>;

@Injectable()
export class OpenSelectionHandler {
  constructor(
    @Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(REGISTRY_SETTINGS) private readonly settings: RegistrySettings,
  ) {}

  execute(command: OpenSelectionCommand, actor: Actor): Promise<SelectionView> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const branch = await requireUnit(tx.manager, command.branchId, 'branch');
      if (branch.level !== 'branch')
        throw new BusinessRuleError('posts are selected within a branch', { rule: 'selection-in-branch' });
      const types = await tx.manager.query<{ id: string }[]>(
        "SELECT id FROM post_types WHERE id = $1 AND $2 LIKE org_path || '%'",
        [command.postTypeId, branch.org_path],
      );
      if (types.length === 0)
        throw new BusinessRuleError('the post type is not defined for this branch or above it', {
          rule: 'post-type-in-scope',
        });
      const today = this.settings.today();
      if (command.applicationsCloseOn < today)
        throw new BusinessRuleError('applications cannot close in the past', { rule: 'close-date' });
      const id = uuidv7();
      await tx.manager.query(
        `INSERT INTO post_selections (id, district_id, org_path, branch_id, post_type_id, seats, state, objection_window_days, opens_on, applications_close_on)
         VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8, $9)`,
        [
          id,
          branch.district_id,
          branch.org_path,
          branch.id,
          command.postTypeId,
          command.seats,
          command.objectionWindowDays ?? this.settings.objectionWindowDays,
          today,
          command.applicationsCloseOn,
        ],
      );
      await tx.manager.query(
        `INSERT INTO post_selection_audit (id, selection_id, district_id, org_path, step, from_state, to_state, actor_id, actor_role, correlation_id)
         VALUES ($1, $2, $3, $4, 'open', NULL, 'open', $5, $6, $7)`,
        [
          uuidv7(),
          id,
          branch.district_id,
          branch.org_path,
          actor.id,
          roleFor(actor, 'registry.post.write'),
          currentCorrelationId(),
        ],
      );
      publish(
        tx,
        postSelectionOpenedV1,
        actor,
        'registry.post.write',
        { districtId: branch.district_id, orgPath: branch.org_path, aggregateId: id },
        {
          selectionId: id,
          postTypeId: command.postTypeId,
          branchUnitId: branch.id,
          seats: command.seats,
          opensOn: today,
          applicationsCloseOn: command.applicationsCloseOn,
        },
      );
      return toSelectionView(await requireSelection(tx.manager, id));
    });
  }
}
