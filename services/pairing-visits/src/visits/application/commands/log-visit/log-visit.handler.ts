import { visitLoggedV1 } from '@lianxin/contracts';
import { BusinessRuleError, ForbiddenError, NotFoundError } from '@lianxin/platform-http';
import { type OutboxMessage, toOutboxMessage } from '@lianxin/platform-persistence';
import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { recordMatter } from '../../../../practical-matters/application/record-matter';
import { actingMemberId } from '../../../../shared/application/acting-member';
import { districtScopeOf, type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { buildEvent } from '../../../../shared/application/publish-event';
import { shanghaiDate, yearOf } from '../../../../shared/domain/business-date';
import { openTicket } from '../../../../tickets/application/open-ticket';
import { assertVisitDate, VisitRuleError } from '../../../domain/visit-rules';
import {
  inTransactionRunner,
  logVisitCall,
  type VisitPartiesRow,
  type VisitToWrite,
} from '../../../infrastructure/insert-visit';
import { VisitDiaryWriter } from '../../../infrastructure/visit-diary-writer';
import { toVisitView, type VisitViewRow } from '../../visit-view';
import { type LogVisitInput, type VisitView } from '../../visits.schemas';

/** Writes visit, tally and outbox row in one call; answers the parties found (none: not visible). */
type PersistVisit = (
  scope: string,
  visit: VisitToWrite,
  event: OutboxMessage,
) => Promise<VisitPartiesRow | undefined>;

interface WrittenVisit {
  readonly visit: VisitViewRow;
  readonly household: { readonly id: string; readonly districtId: string; readonly orgPath: string };
  readonly cadre: { readonly id: string; readonly orgPath: string; readonly branchUnitId: string };
}

/**
 * One diary entry (民情日志) feeds every counter: the visit counts toward the cadre's quota, each
 * problem raised opens a ticket the cadre owns, each matter done is recorded once as a practical
 * matter. Nothing has to be entered twice. There is deliberately no check-in, location or
 * online-time capture (discouraged as "digital formalism"); supervision is the call-back.
 */
@Injectable()
export class LogVisitHandler {
  constructor(
    private readonly db: PairingDatabase,
    private readonly diary: VisitDiaryWriter,
  ) {}

  async execute(context: CommandContext, input: LogVisitInput): Promise<VisitView> {
    const cadreId = actingMemberId(context, input.cadreId, 'cadreId');
    try {
      assertVisitDate(input.visitDate, shanghaiDate(context.now));
    } catch (error) {
      if (error instanceof VisitRuleError) throw new BusinessRuleError(error.message, { rule: error.field });
      throw error;
    }
    // Only district roles write the diary (township admins, branch secretaries, members).
    const districtId = context.actor.districtId;
    if (districtId === null) throw new ForbiddenError('visits are logged within a district');
    // District scope so a cadre of the county seat can visit a village household; the household's
    // place is checked against the caller's own scope (and the village it lies below).
    const scope = districtScopeOf(context.actor.scope);
    if (input.problemsRaised.length === 0 && input.mattersDone.length === 0) {
      // The common entry: written with the entries logged at the same moment, in one statement
      // that is its own transaction, each entry in its own subtransaction (ADR 0009).
      const { visit } = await this.write(
        async (entryScope, toWrite, event) => {
          const outcome = await this.diary.write(entryScope, toWrite, event);
          if (outcome.kind === 'failed')
            throw new Error(`visit write failed in the database: ${outcome.failure}`);
          return outcome.parties;
        },
        scope,
        context,
        input,
        cadreId,
        districtId,
      );
      return { ...toVisitView(visit), ticketIds: [], practicalMatterIds: [] };
    }
    return this.db.run(scope, async (tx) => {
      const { visit, household, cadre } = await this.write(
        (entryScope, toWrite, event) => logVisitCall(inTransactionRunner(tx), entryScope, toWrite, event),
        scope,
        context,
        input,
        cadreId,
        districtId,
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

  /**
   * Builds and validates the event (the household's place and pairing are filled in by the
   * database), then the one call that looks up the parties and writes visit, tally and outbox row.
   * The outcome is what the database did (`written`); without a write, the parties found name the
   * 404.
   */
  private async write(
    persist: PersistVisit,
    scope: string,
    context: CommandContext,
    input: LogVisitInput,
    cadreId: string,
    districtId: string,
  ): Promise<WrittenVisit> {
    const id = uuidv7();
    const logged = buildEvent(
      context,
      visitLoggedV1,
      { aggregateId: id, districtId, orgUnitPath: districtScopeOf(context.actor.scope) },
      {
        visitId: id,
        pairingId: null,
        cadreMemberId: cadreId,
        householdId: input.householdId,
        visitedOn: input.visitDate,
        kind: input.kind,
        problemsRaised: input.problemsRaised.length,
        mattersDone: input.mattersDone.length,
      },
    );
    const toWrite = {
      id,
      householdId: input.householdId,
      cadreId,
      districtId,
      actorScope: context.actor.scope,
      visitDate: input.visitDate,
      visitYear: yearOf(input.visitDate),
      kind: input.kind,
      heard: input.heard,
      problemsRaised: input.problemsRaised.length,
      mattersDone: input.mattersDone.length,
      recordedBy: context.actor.id,
      recordedAt: context.now,
    };
    const found = await persist(scope, toWrite, toOutboxMessage(visitLoggedV1.topic, logged));
    if (found?.written !== 1) {
      if (!found || !found.active || !found.in_reach || found.district_id !== districtId)
        throw NotFoundError.of('household', input.householdId);
      if (
        found.cadre_id === null ||
        found.cadre_status !== 'active' ||
        found.cadre_district_id !== districtId
      )
        throw NotFoundError.of('member', cadreId);
      throw new Error('visit write: the database and the handler disagree on the checks');
    }
    const visit: VisitViewRow = {
      ...toWrite,
      orgPath: found.org_path,
      pairingId: found.pairing_id,
      confirmation: 'unchecked',
      flagged: false,
    };
    return {
      visit,
      household: { id: input.householdId, districtId, orgPath: found.org_path },
      cadre: { id: cadreId, orgPath: found.cadre_org_path ?? '', branchUnitId: found.branch_unit_id ?? '' },
    };
  }
}
