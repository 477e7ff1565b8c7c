import {
  countsTowardQuota,
  EDIT_WINDOW_MS,
  VISIT_CONFIRMATIONS,
  VISIT_KINDS,
  type VisitConfirmation,
  type VisitKind,
} from '../domain/visit-rules';
import { type VisitOrmEntity } from '../infrastructure/visit.orm-entity';
import { type VisitView } from './visits.schemas';

export function asVisitKind(value: string): VisitKind {
  return (VISIT_KINDS as readonly string[]).includes(value) ? (value as VisitKind) : 'other';
}

export function asConfirmation(value: string): VisitConfirmation {
  return (VISIT_CONFIRMATIONS as readonly string[]).includes(value)
    ? (value as VisitConfirmation)
    : 'unchecked';
}

/** The columns a visit's view is made from. */
export type VisitViewRow = Pick<
  VisitOrmEntity,
  | 'id'
  | 'districtId'
  | 'orgPath'
  | 'householdId'
  | 'cadreId'
  | 'pairingId'
  | 'visitDate'
  | 'kind'
  | 'heard'
  | 'problemsRaised'
  | 'mattersDone'
  | 'confirmation'
  | 'flagged'
  | 'recordedAt'
>;

export function toVisitView(row: VisitViewRow): VisitView {
  const confirmation = asConfirmation(row.confirmation);
  return {
    id: row.id,
    districtId: row.districtId,
    orgPath: row.orgPath,
    householdId: row.householdId,
    cadreId: row.cadreId,
    pairingId: row.pairingId,
    visitDate: row.visitDate,
    kind: asVisitKind(row.kind),
    heard: row.heard,
    problemsRaised: row.problemsRaised,
    mattersDone: row.mattersDone,
    confirmation,
    flagged: row.flagged,
    countsTowardQuota: countsTowardQuota(confirmation),
    editableUntil: new Date(row.recordedAt.getTime() + EDIT_WINDOW_MS).toISOString(),
    recordedAt: row.recordedAt.toISOString(),
  };
}
