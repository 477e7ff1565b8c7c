import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@lianxin/auth';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { REGISTRY_DATA_SOURCE } from '../../../../shared/application/registry-tokens';
import { runSelectionStep } from '../../selection-step';
import { toSelectionView, type SelectionView } from '../../selection-view';

/** The branch closes applications and opens resident nominations. */
@Injectable()
export class CloseApplicationsHandler {
  constructor(@Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource) {}

  execute(selectionId: string, actor: Actor): Promise<SelectionView> {
    return inTransaction(this.dataSource, actor.scope, async (tx) =>
      toSelectionView(
        await runSelectionStep(tx, selectionId, 'close-applications', actor, 'registry.post.write', () =>
          Promise.resolve(),
        ),
      ),
    );
  }
}
