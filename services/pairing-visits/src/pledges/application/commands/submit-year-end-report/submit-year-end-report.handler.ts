import { ConflictError, NotFoundError } from '@lianxin/platform-http';
import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { MemberOrmEntity } from '../../../../projections/infrastructure/member.orm-entity';
import { actingMemberId } from '../../../../shared/application/acting-member';
import { type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { isUniqueViolation } from '../../../../shared/infrastructure/pg-errors';
import { PledgeReportOrmEntity } from '../../../infrastructure/pledge-report.orm-entity';

/** 年底述职: the member's year-end account of their pledges, once per year. */
@Injectable()
export class SubmitYearEndReportHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(
    context: CommandContext,
    memberIdInput: string | undefined,
    year: number,
    summary: string,
  ): Promise<{ memberId: string; year: number }> {
    const memberId = actingMemberId(context, memberIdInput);
    try {
      return await this.db.run(context.actor.scope, async (tx) => {
        const member = await tx.manager.getRepository(MemberOrmEntity).findOne({ where: { id: memberId } });
        if (!member || !member.orgPath.startsWith(context.actor.scope))
          throw NotFoundError.of('member', memberId);
        await tx.manager.getRepository(PledgeReportOrmEntity).insert({
          id: uuidv7(),
          districtId: member.districtId,
          orgPath: member.orgPath,
          memberId,
          reportYear: year,
          summary,
          submittedBy: context.actor.id,
          submittedAt: context.now,
        });
        return { memberId, year };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'pledge_reports_member_year_uq'))
        throw new ConflictError(`the ${year} report is already submitted`, { allowed: [] });
      throw error;
    }
  }
}
