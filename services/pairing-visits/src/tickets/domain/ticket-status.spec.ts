import fc from 'fast-check';
import {
  allowedActions,
  nextStatus,
  TICKET_ACTIONS,
  TicketTransitionError,
  type TicketStatus,
} from './ticket-status';
import { overdueKinds, slaFor, startClock } from './sla-policy';

describe('ticket workflow', () => {
  it('walks received → accepted → in progress → resolved → feedback given → closed', () => {
    let status: TicketStatus = 'received';
    for (const action of ['accept', 'start', 'resolve', 'give_feedback', 'close'] as const)
      status = nextStatus(status, action);
    expect(status).toBe('closed');
  });

  it('keeps a hand-off pending until the receiver accepts, and a decline restores the previous status', () => {
    expect(nextStatus('in_progress', 'escalate')).toBe('escalated');
    expect(nextStatus('escalated', 'accept_handoff')).toBe('accepted');
    expect(nextStatus('escalated', 'decline_handoff', 'in_progress')).toBe('in_progress');
  });

  it('rejects a step out of order and names the allowed ones', () => {
    try {
      nextStatus('received', 'close');
      fail('expected a transition error');
    } catch (error) {
      expect(error).toBeInstanceOf(TicketTransitionError);
      expect((error as TicketTransitionError).allowed).toEqual(['accept', 'escalate']);
    }
  });

  it('never leaves a closed ticket and only reaches closed through feedback', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TICKET_ACTIONS), { maxLength: 20 }), (actions) => {
        let status: TicketStatus = 'received';
        const seen: TicketStatus[] = [status];
        for (const action of actions) {
          if (!allowedActions(status).includes(action)) continue;
          status = nextStatus(status, action, 'received');
          seen.push(status);
        }
        const closedAt = seen.indexOf('closed');
        if (closedAt >= 0) {
          expect(seen[closedAt - 1]).toBe('feedback_given');
          expect(seen.slice(closedAt).every((s) => s === 'closed')).toBe(true);
        }
      }),
    );
  });
});

describe('SLA clocks', () => {
  const receivedAt = new Date('2026-03-01T00:00:00Z');
  it('starts the clocks from the category rule, falling back to defaults', () => {
    const clock = startClock(receivedAt, slaFor('safety', []));
    expect(clock.resolveDueAt.toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(
      slaFor('dispute', [{ category: 'dispute', acceptWithinHours: 1, resolveWithinHours: 5 }])
        .resolveWithinHours,
    ).toBe(5);
    expect(slaFor('unknown-kind', []).resolveWithinHours).toBe(168);
  });

  it('marks unaccepted and unresolved tickets overdue, never resolved ones', () => {
    const clock = startClock(receivedAt, { category: 'x', acceptWithinHours: 1, resolveWithinHours: 10 });
    const later = new Date('2026-03-01T12:00:00Z');
    expect(overdueKinds('received', clock, later)).toEqual(['accept', 'resolve']);
    expect(overdueKinds('in_progress', clock, later)).toEqual(['resolve']);
    expect(overdueKinds('resolved', clock, later)).toEqual([]);
  });
});
