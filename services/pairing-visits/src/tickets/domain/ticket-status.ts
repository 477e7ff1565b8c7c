// Sentiment ticket workflow (社情民意, 001 §3.2 and 002 首问负责制): the member first asked owns
// the ticket, resolves it within their post or escalates it to the branch or township; the result
// is fed back to the resident before the ticket closes.
export const TICKET_STATUSES = [
  'received',
  'accepted',
  'in_progress',
  'escalated',
  'resolved',
  'feedback_given',
  'closed',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_ACTIONS = [
  'accept',
  'start',
  'escalate',
  'accept_handoff',
  'decline_handoff',
  'resolve',
  'give_feedback',
  'close',
] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

export const TICKET_SOURCES = ['visit', 'walk_in', 'hotline', 'online'] as const;
export type TicketSource = (typeof TICKET_SOURCES)[number];

export const ESCALATION_LEVELS = ['branch', 'township'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

export const SATISFACTIONS = ['satisfied', 'basically', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

/**
 * `escalated` means a hand-off is pending: the previous owner stays responsible until the receiver
 * accepts (a hand-off nobody accepts must not leave the resident without an owner). A declined
 * hand-off returns the ticket to the status it had before.
 */
const TRANSITIONS: Readonly<Record<TicketStatus, Partial<Record<TicketAction, TicketStatus>>>> = {
  received: { accept: 'accepted', escalate: 'escalated' },
  accepted: { start: 'in_progress', escalate: 'escalated', resolve: 'resolved' },
  in_progress: { escalate: 'escalated', resolve: 'resolved' },
  escalated: { accept_handoff: 'accepted' },
  resolved: { give_feedback: 'feedback_given' },
  feedback_given: { close: 'closed' },
  closed: {},
};

export function allowedActions(status: TicketStatus): TicketAction[] {
  const actions = Object.keys(TRANSITIONS[status]) as TicketAction[];
  return status === 'escalated' ? [...actions, 'decline_handoff'] : actions;
}

export class TicketTransitionError extends Error {
  constructor(
    readonly status: TicketStatus,
    readonly action: TicketAction,
    readonly allowed: TicketAction[],
  ) {
    super(`a ${status} ticket cannot be handled with ${action}`);
  }
}

/** Next status, or throws with the actions that are allowed now (the API answers 409 with them). */
export function nextStatus(
  status: TicketStatus,
  action: TicketAction,
  statusBeforeEscalation: TicketStatus | null = null,
): TicketStatus {
  if (status === 'escalated' && action === 'decline_handoff') {
    return statusBeforeEscalation ?? 'received';
  }
  const next = TRANSITIONS[status][action];
  if (!next) throw new TicketTransitionError(status, action, allowedActions(status));
  return next;
}

export function isOpen(status: TicketStatus): boolean {
  return status !== 'resolved' && status !== 'feedback_given' && status !== 'closed';
}
