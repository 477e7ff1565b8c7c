import { postSelectionObjectionRaisedV1 } from '@lianxin/contracts';
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
import { runSelectionStep } from '../../selection-step';
import { toSelectionView, type SelectionView } from '../../selection-view';
import { publish } from '../../../../shared/application/event-factory';
import { codeSchema } from '../../../../shared/domain/field-schemas';
import { isWithinObjectionWindow } from '../../../domain/selection-workflow';

export const raiseObjectionBody = z.strictObject({
  againstMemberId: z.uuid().nullable().default(null),
  reasonCode: codeSchema,
  /** Kept in the registry only. */
  detail: z.string().trim().max(1000).optional(),
});
export type RaiseObjectionCommand = z.output<typeof raiseObjectionBody> & { selectionId: string };

/** An objection recorded during the publicity window (公示期). */
@Injectable()
export class RaiseObjectionHandler {
  constructor(
    @Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(REGISTRY_SETTINGS) private readonly settings: RegistrySettings,
  ) {}

  execute(command: RaiseObjectionCommand, actor: Actor): Promise<SelectionView> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const row = await runSelectionStep(
        tx,
        command.selectionId,
        'object',
        actor,
        'registry.post.write',
        async (s) => {
          if (
            !s.objection_window_ends_on ||
            !isWithinObjectionWindow(this.settings.today(), s.objection_window_ends_on)
          ) {
            throw new BusinessRuleError('the objection window has closed', {
              rule: 'objection-window-closed',
            });
          }
          const objectionId = uuidv7();
          await tx.manager.query(
            'INSERT INTO post_selection_objections (id, selection_id, district_id, org_path, against_member_id, reason_code, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)',
            [
              objectionId,
              s.id,
              s.district_id,
              s.org_path,
              command.againstMemberId,
              command.reasonCode,
              command.detail ?? null,
            ],
          );
          publish(
            tx,
            postSelectionObjectionRaisedV1,
            actor,
            'registry.post.write',
            { districtId: s.district_id, orgPath: s.org_path, aggregateId: s.id },
            {
              selectionId: s.id,
              objectionId,
              againstMemberId: command.againstMemberId,
              reasonCode: command.reasonCode,
            },
          );
        },
      );
      return toSelectionView(row);
    });
  }
}
