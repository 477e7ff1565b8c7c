import { postSelectionPublicisedV1 } from '@lianxin/contracts';
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
import { objectionWindowEnd } from '../../../domain/selection-workflow';

/** 公示: the result is published and open to objections for the configured number of days. */
@Injectable()
export class PubliciseResultHandler {
  constructor(
    @Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(REGISTRY_SETTINGS) private readonly settings: RegistrySettings,
  ) {}

  execute(selectionId: string, actor: Actor): Promise<SelectionView> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const row = await runSelectionStep(
        tx,
        selectionId,
        'publicise',
        actor,
        'registry.post.write',
        async (s) => {
          const today = this.settings.today();
          const endsOn = objectionWindowEnd(today, s.objection_window_days);
          await tx.manager.query(
            'UPDATE post_selections SET publicised_on = $2, objection_window_ends_on = $3 WHERE id = $1',
            [s.id, today, endsOn],
          );
          publish(
            tx,
            postSelectionPublicisedV1,
            actor,
            'registry.post.write',
            { districtId: s.district_id, orgPath: s.org_path, aggregateId: s.id },
            {
              selectionId: s.id,
              electedMemberIds: s.elected,
              publicisedOn: today,
              objectionWindowEndsOn: endsOn,
            },
          );
        },
      );
      return toSelectionView(row);
    });
  }
}
