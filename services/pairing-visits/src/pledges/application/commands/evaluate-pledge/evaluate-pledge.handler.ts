import { pledgeEvaluatedV1 } from '@lianxin/contracts';
import { ConflictError } from '@lianxin/platform-http';
import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { publishEvent } from '../../../../shared/application/publish-event';
import { shanghaiDate } from '../../../../shared/domain/business-date';
import { summariseRatings, type PledgeRating } from '../../../domain/pledge-rules';
import { PledgeEvaluationOrmEntity } from '../../../infrastructure/pledge-evaluation.orm-entity';
import { pledgeInScopeOr404 } from '../../../infrastructure/pledge.repository';
import { toPledgeView } from '../../pledge-view';
import { type EvaluatePledgeInput, type PledgeView } from '../../pledges.schemas';

/**
 * 群众评诺: a resident's evaluation, typically entered at the year-end appraisal meeting
 * (residents do not log in). The comment stays in the service; the event carries the rating.
 */
@Injectable()
export class EvaluatePledgeHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, id: string, input: EvaluatePledgeInput): Promise<PledgeView> {
    return this.db.run(context.actor.scope, async (tx) => {
      const pledge = await pledgeInScopeOr404(tx.manager, id, context.actor.scope);
      if (pledge.status === 'draft')
        throw new ConflictError('only a published pledge can be evaluated', { allowed: ['publish'] });
      const evaluations = tx.manager.getRepository(PledgeEvaluationOrmEntity);
      const evaluationId = uuidv7();
      const evaluatedOn = input.evaluatedOn ?? shanghaiDate(context.now);
      await evaluations.insert({
        id: evaluationId,
        districtId: pledge.districtId,
        orgPath: pledge.orgPath,
        pledgeId: pledge.id,
        rating: input.rating,
        evaluatorKind: input.evaluatorKind,
        comment: input.comment ?? null,
        evaluatedOn,
        recordedBy: context.actor.id,
        recordedAt: context.now,
      });
      publishEvent(
        tx,
        context,
        pledgeEvaluatedV1,
        { aggregateId: pledge.id, districtId: pledge.districtId, orgUnitPath: pledge.orgPath },
        {
          pledgeId: pledge.id,
          memberId: pledge.memberId,
          evaluationId,
          rating: input.rating,
          evaluatorKind: input.evaluatorKind,
          evaluatedOn,
        },
      );
      const ratings = await evaluations.find({ where: { pledgeId: pledge.id }, select: { rating: true } });
      return toPledgeView(pledge, summariseRatings(ratings.map((row) => row.rating as PledgeRating)));
    });
  }
}
