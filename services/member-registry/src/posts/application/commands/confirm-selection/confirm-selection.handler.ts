import { postSelectionConfirmedV1 } from '@lianxin/contracts';
import { BusinessRuleError } from '@lianxin/platform-http';
import { v7 as uuidv7 } from 'uuid';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@lianxin/auth';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import {
  REGISTRY_DATA_SOURCE,
  REGISTRY_SETTINGS,
  type RegistrySettings,
} from '../../../../shared/application/registry-tokens';
import { runSelectionStep } from '../../selection-step';
import { toSelectionView, type SelectionView } from '../../selection-view';
import { publish } from '../../../../shared/application/event-factory';
import { isWithinObjectionWindow } from '../../../domain/selection-workflow';

/**
 * After the objection window, the elected members take up their posts (上岗): one post row each,
 * and they become members with a post (有职党员).
 */
@Injectable()
export class ConfirmSelectionHandler {
  constructor(
    @Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(REGISTRY_SETTINGS) private readonly settings: RegistrySettings,
  ) {}

  execute(selectionId: string, actor: Actor): Promise<SelectionView> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const row = await runSelectionStep(
        tx,
        selectionId,
        'confirm',
        actor,
        'registry.post.write',
        async (s) => {
          const today = this.settings.today();
          if (s.objection_window_ends_on && isWithinObjectionWindow(today, s.objection_window_ends_on)) {
            throw new BusinessRuleError(`the objection window runs until ${s.objection_window_ends_on}`, {
              rule: 'objection-window-open',
            });
          }
          const assignments = s.elected.map((memberId) => ({ postId: uuidv7(), memberId }));
          for (const a of assignments) {
            await tx.manager.query(
              'INSERT INTO posts (id, district_id, org_path, branch_id, post_type_id, selection_id, member_id, started_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
              [a.postId, s.district_id, s.org_path, s.branch_id, s.post_type_id, s.id, a.memberId, today],
            );
          }
          await tx.manager.query(
            'UPDATE members SET has_post = true, version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[])',
            [s.elected],
          );
          await tx.manager.query('UPDATE post_selections SET confirmed_on = $2 WHERE id = $1', [s.id, today]);
          publish(
            tx,
            postSelectionConfirmedV1,
            actor,
            'registry.post.write',
            { districtId: s.district_id, orgPath: s.org_path, aggregateId: s.id },
            {
              selectionId: s.id,
              postTypeId: s.post_type_id,
              assignments,
              confirmedOn: today,
            },
          );
        },
      );
      return toSelectionView(row);
    });
  }
}
