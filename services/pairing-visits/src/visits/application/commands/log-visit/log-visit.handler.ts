import { visitLoggedV1 } from '@lianxin/contracts';
import { BusinessRuleError, NotFoundError } from '@lianxin/platform-http';
import { toOutboxMessage } from '@lianxin/platform-persistence';
import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { recordMatter } from '../../../../practical-matters/application/record-matter';
import { actingMemberId } from '../../../../shared/application/acting-member';
import { districtScopeOf, type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { buildEvent } from '../../../../shared/application/publish-event';
import { shanghaiDate, yearOf } from '../../../../shared/domain/business-date';
import { openTicket } from '../../../../tickets/application/open-ticket';
import { bumpTally, tallyNeedsElevation } from '../../../../quota-progress/infrastructure/quota-tally.writer';
import { assertVisitDate, VisitRuleError } from '../../../domain/visit-rules';
import { insertVisitWithTallyAndEvent } from '../../../infrastructure/insert-visit';
import { VisitOrmEntity } from '../../../infrastructure/visit.orm-entity';
import { withinReach } from '../../../../shared/infrastructure/reach';
import { toVisitView } from '../../visit-view';
import { type LogVisitInput, type VisitView } from '../../visits.schemas';

interface VisitPartiesRow {
  district_id: string;
  org_path: string;
  active: boolean;
  cadre_id: string | null;
  cadre_district_id: string | null;
  cadre_org_path: string | null;
  cadre_status: string | null;
  branch_unit_id: string | null;
  pairing_id: string | null;
}

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
      // One round trip for the household, the cadre and their pairing: the diary is written many
      // times a day, so the write path is kept short.
      const [found] = (await tx.manager.query(
        `SELECT h.district_id, h.org_path, h.active, m.id AS cadre_id, m.district_id AS cadre_district_id,
                m.org_path AS cadre_org_path, m.status AS cadre_status, m.branch_unit_id,
                (SELECT p.id FROM pairings p WHERE p.household_id = h.id AND p.cadre_id = m.id AND p.status = 'active' LIMIT 1) AS pairing_id
           FROM households h LEFT JOIN members m ON m.id = $2
          WHERE h.id = $1`,
        [input.householdId, cadreId],
      )) as VisitPartiesRow[];
      if (!found || !found.active || !(await withinReach(tx.manager, context.actor.scope, found.org_path))) {
        throw NotFoundError.of('household', input.householdId);
      }
      if (
        found.cadre_id === null ||
        found.cadre_status !== 'active' ||
        found.cadre_district_id !== found.district_id
      ) {
        throw NotFoundError.of('member', cadreId);
      }
      const household = { id: input.householdId, districtId: found.district_id, orgPath: found.org_path };
      const cadre = {
        id: found.cadre_id,
        districtId: found.district_id,
        orgPath: found.cadre_org_path ?? '',
        branchUnitId: found.branch_unit_id ?? '',
      };
      const pairing = found.pairing_id === null ? null : { id: found.pairing_id };
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
      const logged = buildEvent(
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
      const tally = { memberId: cadre.id, year: visit.visitYear, placePath: household.orgPath };
      if (tallyNeedsElevation(tx, tally)) {
        // Not reached by today's scopes (the transaction runs under the household's district or a
        // city-wide scope); kept so a future caller outside the district still counts exactly.
        await tx.manager.getRepository(VisitOrmEntity).insert(visit);
        await bumpTally(tx, { ...tally, member: cadre }, { visits: 1 }, context.now);
        tx.publish(visitLoggedV1.topic, logged);
      } else {
        // The visit, the cadre's tally and the outbox row in one statement: three round trips
        // fewer per diary entry than insert + upsert + outbox insert (the write path's cost was
        // per-statement socket writes and waits, measured in the README). Same transaction, same
        // RLS checks, and the event is validated against its contract before anything is sent.
        await insertVisitWithTallyAndEvent(tx, visit, toOutboxMessage(visitLoggedV1.topic, logged));
      }
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
