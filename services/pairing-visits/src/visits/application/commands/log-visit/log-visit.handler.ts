import { visitLoggedV1 } from '@lianxin/contracts';
import { BusinessRuleError } from '@lianxin/platform-http';
import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { recordMatter } from '../../../../practical-matters/application/record-matter';
import {
  activeMemberOr404,
  householdInScopeOr404,
} from '../../../../projections/infrastructure/member.repository';
import { actingMemberId } from '../../../../shared/application/acting-member';
import { districtScopeOf, type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { publishEvent } from '../../../../shared/application/publish-event';
import { shanghaiDate, yearOf } from '../../../../shared/domain/business-date';
import { openTicket } from '../../../../tickets/application/open-ticket';
import { PairingOrmEntity } from '../../../../pairings/infrastructure/pairing.orm-entity';
import { bumpTally } from '../../../../quota-progress/infrastructure/quota-tally.writer';
import { assertVisitDate, VisitRuleError } from '../../../domain/visit-rules';
import { VisitOrmEntity } from '../../../infrastructure/visit.orm-entity';
import { toVisitView } from '../../visit-view';
import { type LogVisitInput, type VisitView } from '../../visits.schemas';

/**
 * One diary entry (民情日志) feeds every counter: the visit counts toward the cadre's quota, each
 * problem raised opens a ticket the cadre owns, each matter done is recorded once as a practical
 * matter. Nothing has to be entered twice. There is deliberately no check-in, location or
 * online-time capture (discouraged as "digital formalism"); supervision is the call-back.
 */
@Injectable()
export class LogVisitHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, input: LogVisitInput): Promise<VisitView> {
    const cadreId = actingMemberId(context, input.cadreId);
    try {
      assertVisitDate(input.visitDate, shanghaiDate(context.now));
    } catch (error) {
      if (error instanceof VisitRuleError) throw new BusinessRuleError(error.message, { rule: error.field });
      throw error;
    }
    // District scope so a cadre of the county seat can visit a village household; the household's
    // place is checked against the caller's own scope in code.
    return this.db.run(districtScopeOf(context.actor.scope), async (tx) => {
      const household = await householdInScopeOr404(tx.manager, input.householdId, context.actor.scope);
      const cadre = await activeMemberOr404(tx.manager, cadreId, household.districtId);
      const pairing = await tx.manager.getRepository(PairingOrmEntity).findOne({
        where: { householdId: household.id, cadreId: cadre.id, status: 'active' },
        select: { id: true },
      });
      const visit = tx.manager.getRepository(VisitOrmEntity).create({
        id: uuidv7(),
        districtId: household.districtId,
        orgPath: household.orgPath,
        householdId: household.id,
        cadreId: cadre.id,
        cadreOrgPath: cadre.orgPath,
        pairingId: pairing?.id ?? null,
        visitDate: input.visitDate,
        visitYear: yearOf(input.visitDate),
        kind: input.kind,
        heard: input.heard,
        problemsRaised: input.problemsRaised.length,
        mattersDone: input.mattersDone.length,
        confirmation: 'unchecked',
        flagged: false,
        recordedBy: context.actor.id,
        recordedAt: context.now,
        updatedAt: context.now,
      });
      await tx.manager.getRepository(VisitOrmEntity).insert(visit);
      await bumpTally(
        tx,
        {
          memberId: cadre.id,
          year: visit.visitYear,
          placePath: household.orgPath,
          member: { districtId: cadre.districtId, orgPath: cadre.orgPath },
        },
        { visits: 1 },
        context.now,
      );
      publishEvent(
        tx,
        context,
        visitLoggedV1,
        { aggregateId: visit.id, districtId: visit.districtId, orgUnitPath: visit.orgPath },
        {
          visitId: visit.id,
          pairingId: visit.pairingId,
          cadreMemberId: cadre.id,
          householdId: household.id,
          visitedOn: visit.visitDate,
          kind: input.kind,
          problemsRaised: visit.problemsRaised,
          mattersDone: visit.mattersDone,
        },
      );
      const ticketIds: string[] = [];
      for (const problem of input.problemsRaised) {
        const ticket = await openTicket(tx, context, {
          districtId: household.districtId,
          orgPath: household.orgPath,
          source: 'visit',
          category: problem.category,
          summary: problem.summary,
          householdId: household.id,
          visitId: visit.id,
          firstAskedMemberId: cadre.id,
          hotlineTicketNo: null,
          receivedAt: context.now,
        });
        ticketIds.push(ticket.id);
      }
      const practicalMatterIds: string[] = [];
      for (const matter of input.mattersDone) {
        const row = await recordMatter(tx, context, {
          districtId: household.districtId,
          orgPath: household.orgPath,
          householdId: household.id,
          member: { id: cadre.id, orgPath: cadre.orgPath, unitId: cadre.branchUnitId },
          category: matter.category,
          summary: matter.summary,
          evidence: matter.evidence,
          doneOn: input.visitDate,
          visitId: visit.id,
          ticketId: null,
        });
        practicalMatterIds.push(row.id);
      }
      return { ...toVisitView(visit), ticketIds, practicalMatterIds };
    });
  }
}
