import { postSelectionVoteTalliedV1 } from '@lianxin/contracts';
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
import { tallyVotes } from '../../../domain/selection-workflow';

/** A count of ballots: a branch's vote, far below a million; also inside Postgres `integer`. */
const ballots = z.number().int().min(0).max(1_000_000);

export const tallyVotesBody = z.strictObject({
  /** Ballots cast by members and resident representatives together. */
  ballotsCast: ballots.min(1),
  invalidBallots: ballots.default(0),
  tallies: z
    .array(
      z.object({
        memberId: z.uuid(),
        memberVotes: ballots,
        representativeVotes: ballots,
      }),
    )
    .min(2),
});
export type TallyVotesCommand = z.output<typeof tallyVotesBody> & { selectionId: string };

/** 党员和群众代表投票决定: the branch enters the counted ballots; the top candidates are elected. */
@Injectable()
export class TallyVotesHandler {
  constructor(@Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource) {}

  execute(command: TallyVotesCommand, actor: Actor): Promise<SelectionView> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const row = await runSelectionStep(
        tx,
        command.selectionId,
        'tally-vote',
        actor,
        'registry.post.write',
        async (s) => {
          if (command.invalidBallots > command.ballotsCast)
            throw new BusinessRuleError('more invalid ballots than ballots cast', { rule: 'ballot-count' });
          const result = tallyVotes(
            s.seats,
            s.shortlist,
            command.ballotsCast - command.invalidBallots,
            command.tallies,
          );
          if (!result.ok)
            throw new BusinessRuleError(`the tally cannot stand: ${result.problem}`, {
              rule: result.problem,
            });
          await tx.manager.query(
            'UPDATE post_selections SET ballots_cast = $2, results = $3, elected = $4 WHERE id = $1',
            [s.id, command.ballotsCast, JSON.stringify(result.ranking), result.elected],
          );
          publish(
            tx,
            postSelectionVoteTalliedV1,
            actor,
            'registry.post.write',
            { districtId: s.district_id, orgPath: s.org_path, aggregateId: s.id },
            {
              selectionId: s.id,
              ballotsCast: command.ballotsCast,
              validBallots: command.ballotsCast - command.invalidBallots,
              results: result.ranking,
              electedMemberIds: result.elected,
            },
          );
        },
      );
      return toSelectionView(row);
    });
  }
}
