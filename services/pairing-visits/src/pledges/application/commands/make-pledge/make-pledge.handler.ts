import { pledgeMadeV1 } from '@lianxin/contracts';
import { BusinessRuleError, NotFoundError } from '@lianxin/platform-http';
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { HouseholdOrmEntity } from '../../../../projections/infrastructure/household.orm-entity';
import { MemberOrmEntity } from '../../../../projections/infrastructure/member.orm-entity';
import { actingMemberId } from '../../../../shared/application/acting-member';
import { type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { publishEvent } from '../../../../shared/application/publish-event';
import { assertDeadlineInYear, assertPledgeAllowance, PledgeRuleError } from '../../../domain/pledge-rules';
import { PledgeOrmEntity } from '../../../infrastructure/pledge.orm-entity';
import { toPledgeView } from '../../pledge-view';
import { type MakePledgeInput, type PledgeView } from '../../pledges.schemas';

/** 自主承诺: a member pledges up to five practical things a year; the sixth is refused (422). */
@Injectable()
export class MakePledgeHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, input: MakePledgeInput): Promise<PledgeView> {
    const memberId = actingMemberId(context, input.memberId);
    return this.db.run(context.actor.scope, async (tx) => {
      // Locking the member serialises one member's pledges, so two at once cannot both be the fifth.
      const member = await tx.manager
        .getRepository(MemberOrmEntity)
        .createQueryBuilder('m')
        .setLock('pessimistic_write')
        .where('m.id = :id', { id: memberId })
        .getOne();
      if (!member || member.status !== 'active' || !member.orgPath.startsWith(context.actor.scope))
        throw NotFoundError.of('member', memberId);
      const pledges = tx.manager.getRepository(PledgeOrmEntity);
      const existing = await pledges.count({ where: { memberId, pledgeYear: input.year } });
      try {
        assertPledgeAllowance(existing);
        assertDeadlineInYear(input.deadline, input.year);
      } catch (error) {
        if (error instanceof PledgeRuleError)
          throw new BusinessRuleError(error.message, { rule: error.field });
        throw error;
      }
      const householdIds = [...new Set(input.householdIds)];
      if (householdIds.length > 0) {
        const found = await tx.manager
          .getRepository(HouseholdOrmEntity)
          .count({ where: { id: In(householdIds), districtId: member.districtId } });
        if (found !== householdIds.length) throw new NotFoundError('one or more households were not found');
      }
      const row = pledges.create({
        id: uuidv7(),
        districtId: member.districtId,
        orgPath: member.orgPath,
        memberId,
        memberUnitId: member.branchUnitId,
        pledgeYear: input.year,
        ordinal: existing + 1,
        category: input.category,
        content: input.content,
        deadline: input.deadline,
        qualityStandard: input.qualityStandard,
        householdIds,
        status: 'draft',
        progressPercent: 0,
        progressNotes: [],
        evidence: null,
        publishedOn: null,
        fulfilledOn: null,
        createdBy: context.actor.id,
        createdAt: context.now,
        updatedAt: context.now,
      });
      await pledges.insert(row);
      publishEvent(
        tx,
        context,
        pledgeMadeV1,
        { aggregateId: row.id, districtId: row.districtId, orgUnitPath: row.orgPath },
        {
          pledgeId: row.id,
          memberId,
          year: input.year,
          category: input.category,
          deadlineOn: input.deadline,
          ordinal: row.ordinal,
        },
      );
      return toPledgeView(row);
    });
  }
}
