import { compareDates, type BusinessDate } from '../../shared/domain/business-date';

export const VISIT_KINDS = ['home', 'phone', 'other'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

/** An entry stays editable for seven days after it was written; after that only corrections are appended. */
export const EDIT_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export function isEditable(recordedAt: Date, now: Date): boolean {
  return now.getTime() - recordedAt.getTime() <= EDIT_WINDOW_MS;
}

export class VisitRuleError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** A diary records what happened, so a visit cannot be dated in the future. */
export function assertVisitDate(visitDate: BusinessDate, today: BusinessDate): void {
  if (compareDates(visitDate, today) > 0)
    throw new VisitRuleError('visitDate', 'a visit cannot be dated after today');
}

/** Visit confirmation from call-backs: only a household's explicit "no" stops a visit counting. */
export const VISIT_CONFIRMATIONS = ['unchecked', 'confirmed', 'not_confirmed', 'unreachable'] as const;
export type VisitConfirmation = (typeof VISIT_CONFIRMATIONS)[number];

export function countsTowardQuota(confirmation: VisitConfirmation): boolean {
  return confirmation !== 'not_confirmed';
}

export interface VisitContent {
  readonly kind: VisitKind;
  readonly visitDate: BusinessDate;
  readonly heard: string;
}

export type VisitChange = Partial<VisitContent>;

/** The fields a change actually alters, with their previous values (kept in the correction row). */
export function diffVisit(
  current: VisitContent,
  change: VisitChange,
): { previous: VisitChange; next: VisitChange } {
  const previous: Record<string, unknown> = {};
  const next: Record<string, unknown> = {};
  for (const key of ['kind', 'visitDate', 'heard'] as const) {
    const value = change[key];
    if (value !== undefined && value !== current[key]) {
      previous[key] = current[key];
      next[key] = value;
    }
  }
  return { previous: previous as VisitChange, next: next as VisitChange };
}
