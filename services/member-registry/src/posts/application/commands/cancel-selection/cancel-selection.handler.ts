import { postSelectionCancelledV1 } from '@lianxin/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@lianxin/auth';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { publish } from '../../../../shared/application/event-factory';
import {
  REGISTRY_DATA_SOURCE,
  REGISTRY_SETTINGS,
  type RegistrySettings,
} from '../../../../shared/application/registry-tokens';
import { runSelectionStep } from '../../selection-step';
import { toSelectionView, type SelectionView } from '../../selection-view';

export const cancelSelectionBody = z.strictObject({
  /** Why the selection is called off; kept in the registry, not put in the event. */
  reason: z.string().trim().min(1).max(500),
});
export type CancelSelectionCommand = z.output<typeof cancelSelectionBody> & { selectionId: string };

/**
 * Calls off a selection from any state before `confirmed` (a confirmed selection has posts; those
 * end one by one). Nobody takes up a post from it; its applications and votes stay for the record.
 */
@Injectable()
export class CancelSelectionHandler {
  constructor(
    @Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(REGISTRY_SETTINGS) private readonly settings: RegistrySettings,
  ) {}

  execute(command: CancelSelectionCommand, actor: Actor): Promise<SelectionView> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const row = await runSelectionStep(
        tx,
        command.selectionId,
        'cancel',
        actor,
        'registry.post.write',
        async (s) => {
          const today = this.settings.today();
          await tx.manager.query(
            'UPDATE post_selections SET cancellation_reason = $2, cancelled_on = $3 WHERE id = $1',
            [s.id, command.reason, today],
          );
          if (s.state === 'confirmed' || s.state === 'cancelled') return; // not reached: the step is refused first
          publish(
            tx,
            postSelectionCancelledV1,
            actor,
            'registry.post.write',
            { districtId: s.district_id, orgPath: s.org_path, aggregateId: s.id },
            { selectionId: s.id, postTypeId: s.post_type_id, previousState: s.state, cancelledOn: today },
          );
        },
      );
      return toSelectionView(row);
    });
  }
}
