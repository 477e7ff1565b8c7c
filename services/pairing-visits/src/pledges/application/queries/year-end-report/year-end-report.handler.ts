import { NotFoundError } from '@lianxin/platform-http';
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { MemberOrmEntity } from '../../../../projections/infrastructure/member.orm-entity';
import { type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { summariseRatings, type PledgeRating } from '../../../domain/pledge-rules';
import { PledgeEvaluationOrmEntity } from '../../../infrastructure/pledge-evaluation.orm-entity';
import { PledgeReportOrmEntity } from '../../../infrastructure/pledge-report.orm-entity';
import { PledgeOrmEntity } from '../../../infrastructure/pledge.orm-entity';
import { toPledgeView } from '../../pledge-view';
import { type YearEndReportView } from '../../pledges.schemas';

/** Everything the year-end appraisal needs about one member's pledges: status, timeliness, residents' ratings, the 述职 text. */
@Injectable()
export class YearEndReportHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, memberId: string, year: number): Promise<YearEndReportView> {
    return this.db.run(context.actor.scope, async (tx) => {
      const member = await tx.manager.getRepository(MemberOrmEntity).findOne({ where: { id: memberId } });
      if (!member || !member.orgPath.startsWith(context.actor.scope))
        throw NotFoundError.of('member', memberId);
      const pledges = await tx.manager
        .getRepository(PledgeOrmEntity)
        .find({ where: { memberId, pledgeYear: year }, order: { ordinal: 'ASC' } });
      const evaluations =
        pledges.length === 0
          ? []
          : await tx.manager
              .getRepository(PledgeEvaluationOrmEntity)
              .find({ where: { pledgeId: In(pledges.map((p) => p.id)) } });
      const ratingsOf = (pledgeId: string): PledgeRating[] =>
        evaluations.filter((row) => row.pledgeId === pledgeId).map((row) => row.rating as PledgeRating);
      const report = await tx.manager
        .getRepository(PledgeReportOrmEntity)
        .findOne({ where: { memberId, reportYear: year } });
      const fulfilled = pledges.filter((p) => p.status === 'fulfilled');
      return {
        memberId,
        year,
        pledges: pledges.map((p) => toPledgeView(p, summariseRatings(ratingsOf(p.id)))),
        fulfilled: fulfilled.length,
        fulfilledOnTime: fulfilled.filter((p) => p.fulfilledOn !== null && p.fulfilledOn <= p.deadline)
          .length,
        evaluations: summariseRatings(evaluations.map((row) => row.rating as PledgeRating)),
        report: report ? { summary: report.summary, submittedAt: report.submittedAt.toISOString() } : null,
      };
    });
  }
}
