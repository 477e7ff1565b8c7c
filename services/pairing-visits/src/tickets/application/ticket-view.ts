import { overdueKinds } from '../domain/sla-policy';
import {
  allowedActions,
  TICKET_SOURCES,
  TICKET_STATUSES,
  type TicketSource,
  type TicketStatus,
} from '../domain/ticket-status';
import { type TicketOrmEntity } from '../infrastructure/ticket.orm-entity';
import { type TicketView } from './tickets.schemas';

export function asStatus(value: string): TicketStatus {
  if ((TICKET_STATUSES as readonly string[]).includes(value)) return value as TicketStatus;
  throw new Error(`unknown ticket status ${value}`);
}

function asSource(value: string): TicketSource {
  return (TICKET_SOURCES as readonly string[]).includes(value) ? (value as TicketSource) : 'walk_in';
}

export function toTicketView(row: TicketOrmEntity, now: Date): TicketView {
  const status = asStatus(row.status);
  const actions = allowedActions(status);
  return {
    id: row.id,
    districtId: row.districtId,
    orgPath: row.orgPath,
    source: asSource(row.source),
    hotlineTicketNo: row.hotlineTicketNo,
    category: row.category,
    summary: row.summary,
    householdId: row.householdId,
    visitId: row.visitId,
    status,
    // A direct hand-off to another member is offered wherever escalation is.
    allowedActions: actions.includes('escalate') ? [...actions, 'hand_off'] : actions,
    firstAskedMemberId: row.firstAskedMemberId,
    ownerMemberId: row.ownerMemberId,
    pendingHandoff:
      status === 'escalated' && row.handoffId
        ? {
            id: row.handoffId,
            toMemberId: row.handoffToMemberId,
            toUnitId: row.handoffToUnitId,
            level: row.handoffLevel,
            reason: row.handoffReason,
          }
        : null,
    receivedAt: row.receivedAt.toISOString(),
    acceptDueAt: row.acceptDueAt.toISOString(),
    resolveDueAt: row.resolveDueAt.toISOString(),
    overdue: overdueKinds(status, { acceptDueAt: row.acceptDueAt, resolveDueAt: row.resolveDueAt }, now),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolutionCode: row.resolutionCode,
    resolution: row.resolution,
    feedbackAt: row.feedbackAt?.toISOString() ?? null,
    satisfaction: row.satisfaction,
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}
