import { isOpen, type TicketStatus } from './ticket-status';

export interface SlaRule {
  readonly category: string;
  readonly acceptWithinHours: number;
  readonly resolveWithinHours: number;
}

/**
 * Defaults until a district configures its own: urgent matters (safety, disputes) within a day,
 * ordinary livelihood matters within a week, longer projects within a month. 004 makes hotline
 * handling speed an efficiency measure, so every category needs some clock.
 */
export const DEFAULT_SLA_RULES: readonly SlaRule[] = [
  { category: 'safety', acceptWithinHours: 2, resolveWithinHours: 24 },
  { category: 'dispute', acceptWithinHours: 24, resolveWithinHours: 72 },
  { category: 'livelihood', acceptWithinHours: 24, resolveWithinHours: 168 },
  { category: 'infrastructure', acceptWithinHours: 48, resolveWithinHours: 720 },
  { category: 'other', acceptWithinHours: 24, resolveWithinHours: 168 },
];

export function slaFor(category: string, rules: readonly SlaRule[]): SlaRule {
  return (
    rules.find((rule) => rule.category === category) ??
    DEFAULT_SLA_RULES.find((rule) => rule.category === category) ??
    rules.find((rule) => rule.category === 'other') ?? {
      category,
      acceptWithinHours: 24,
      resolveWithinHours: 168,
    }
  );
}

export interface SlaClock {
  readonly acceptDueAt: Date;
  readonly resolveDueAt: Date;
}

const HOUR_MS = 60 * 60 * 1000;

export function startClock(receivedAt: Date, rule: SlaRule): SlaClock {
  return {
    acceptDueAt: new Date(receivedAt.getTime() + rule.acceptWithinHours * HOUR_MS),
    resolveDueAt: new Date(receivedAt.getTime() + rule.resolveWithinHours * HOUR_MS),
  };
}

export type OverdueKind = 'accept' | 'resolve';

/** A ticket is overdue when it still waits for acceptance past its accept clock, or is unresolved past its resolve clock. */
export function overdueKinds(status: TicketStatus, clock: SlaClock, now: Date): OverdueKind[] {
  const kinds: OverdueKind[] = [];
  if (status === 'received' && now > clock.acceptDueAt) kinds.push('accept');
  if (isOpen(status) && now > clock.resolveDueAt) kinds.push('resolve');
  return kinds;
}
