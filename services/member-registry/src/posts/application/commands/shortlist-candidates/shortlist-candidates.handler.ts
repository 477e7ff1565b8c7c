import { postSelectionShortlistedV1 } from '@lianxin/contracts';
import { BusinessRuleError } from '@lianxin/platform-http';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@lianxin/auth';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { REGISTRY_DATA_SOURCE } from '../../../../shared/application/registry-tokens';
import { runSelectionStep } from '../../selection-step';
import { toSelectionView, type SelectionView } from '../../selection-view';
import { publish } from '../../../../shared/application/event-factory';
import { checkShortlist } from '../../../domain/selection-workflow';
import { candidatesOf } from '../../../infrastructure/selection.repository';

export const shortlistCandidatesBody = z.strictObject({
  candidateMemberIds: z.array(z.uuid()).min(2).max(50),
});
export type ShortlistCandidatesCommand = z.output<typeof shortlistCandidatesBody> & { selectionId: string };

const MESSAGES = {
  'not-more-candidates-than-seats': 'a shortlist needs more candidates than seats (差额)',
  'candidate-not-applied-or-nominated': 'every candidate must have applied or been nominated',
  'duplicate-candidate': 'a candidate is listed twice',
} as const;

/** 支部差额确定候选人. */
@Injectable()
export class ShortlistCandidatesHandler {
  constructor(@Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource) {}

  execute(command: ShortlistCandidatesCommand, actor: Actor): Promise<SelectionView> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const row = await runSelectionStep(
        tx,
        command.selectionId,
        'shortlist',
        actor,
        'registry.post.write',
        async (s) => {
          const { applicants, nominees } = await candidatesOf(tx.manager, s.id);
          const problem = checkShortlist(
            s.seats,
            command.candidateMemberIds,
            new Set([...applicants, ...nominees]),
          );
          if (problem) throw new BusinessRuleError(MESSAGES[problem], { rule: problem });
          await tx.manager.query('UPDATE post_selections SET shortlist = $2 WHERE id = $1', [
            s.id,
            command.candidateMemberIds,
          ]);
          publish(
            tx,
            postSelectionShortlistedV1,
            actor,
            'registry.post.write',
            { districtId: s.district_id, orgPath: s.org_path, aggregateId: s.id },
            {
              selectionId: s.id,
              seats: s.seats,
              candidateMemberIds: command.candidateMemberIds,
            },
          );
        },
      );
      return toSelectionView(row);
    });
  }
}
