import { visitCorrectedV1 } from '@lianxin/contracts';
import { type TransactionContext } from '@lianxin/platform-persistence';
import { BusinessRuleError, ConflictError } from '@lianxin/platform-http';
import { v7 as uuidv7 } from 'uuid';
import { type CommandContext } from '../../../../shared/application/command-context';
import { publishEvent } from '../../../../shared/application/publish-event';
import { shanghaiDate, yearOf } from '../../../../shared/domain/business-date';
import { bumpTally } from '../../../../quota-progress/infrastructure/quota-tally.writer';
import { asConfirmation } from '../../visit-view';
import {
  assertVisitDate,
  countsTowardQuota,
  diffVisit,
  VisitRuleError,
  type VisitChange,
} from '../../../domain/visit-rules';
import { VisitCorrectionOrmEntity } from '../../../infrastructure/visit-correction.orm-entity';
import { VisitOrmEntity } from '../../../infrastructure/visit.orm-entity';
import { asVisitKind } from '../../visit-view';

/**
 * Applies a change to a visit and appends it to the visit's correction trail, whether it is an edit
 * inside the 7-day window (reason `edited`) or a later correction. The original values survive in
 * the trail, so nothing in the diary is silently rewritten.
 */
export async function changeVisit(
  tx: TransactionContext,
  context: CommandContext,
  visit: VisitOrmEntity,
  change: VisitChange,
  reasonCode: string,
  note: string | null,
): Promise<void> {
  if (change.visitDate !== undefined) {
    try {
      assertVisitDate(change.visitDate, shanghaiDate(context.now));
    } catch (error) {
      if (error instanceof VisitRuleError) throw new BusinessRuleError(error.message, { rule: error.field });
      throw error;
    }
  }
  const { previous, next } = diffVisit(
    { kind: asVisitKind(visit.kind), visitDate: visit.visitDate, heard: visit.heard },
    change,
  );
  if (Object.keys(next).length === 0)
    throw new ConflictError('the change does not alter the visit', { allowed: [] });
  if (next.kind !== undefined) visit.kind = next.kind;
  if (next.heard !== undefined) visit.heard = next.heard;
  if (next.visitDate !== undefined) {
    const previousYear = visit.visitYear;
    visit.visitDate = next.visitDate;
    visit.visitYear = yearOf(next.visitDate);
    // A visit moved into another year counts in that year's quota instead.
    if (previousYear !== visit.visitYear && countsTowardQuota(asConfirmation(visit.confirmation))) {
      const member = { districtId: visit.districtId, orgPath: visit.cadreOrgPath };
      await bumpTally(
        tx,
        { memberId: visit.cadreId, year: previousYear, placePath: visit.orgPath, member },
        { visits: -1 },
        context.now,
      );
      await bumpTally(
        tx,
        { memberId: visit.cadreId, year: visit.visitYear, placePath: visit.orgPath, member },
        { visits: 1 },
        context.now,
      );
    }
  }
  visit.updatedAt = context.now;
  await tx.manager.getRepository(VisitOrmEntity).save(visit);
  const correctionId = uuidv7();
  await tx.manager.getRepository(VisitCorrectionOrmEntity).insert({
    id: correctionId,
    districtId: visit.districtId,
    orgPath: visit.orgPath,
    visitId: visit.id,
    previous: { ...previous },
    next: { ...next },
    reasonCode,
    note,
    correctedBy: context.actor.id,
    correctedAt: context.now,
  });
  // The event carries what counters need, and says when what was heard was corrected; the text
  // itself stays in the trail (residents' words never leave the service; ADR 0009).
  const correctedFields = [
    ...(next.visitDate !== undefined ? (['visitedOn'] as const) : []),
    ...(next.kind !== undefined ? (['kind'] as const) : []),
    ...(next.heard !== undefined ? (['heard'] as const) : []),
  ];
  if (correctedFields.length === 0) return;
  publishEvent(
    tx,
    context,
    visitCorrectedV1,
    { aggregateId: visit.id, districtId: visit.districtId, orgUnitPath: visit.orgPath },
    {
      visitId: visit.id,
      correctionId,
      correctedFields,
      changes: {
        ...(next.visitDate !== undefined ? { visitedOn: next.visitDate } : {}),
        ...(next.kind !== undefined ? { kind: next.kind } : {}),
      },
      reasonCode,
    },
  );
}
