import { ticketReceivedV1 } from '@lianxin/contracts';
import { type TransactionContext } from '@lianxin/platform-persistence';
import { v7 as uuidv7 } from 'uuid';
import { type CommandContext } from '../../shared/application/command-context';
import { publishEvent } from '../../shared/application/publish-event';
import { shanghaiDate } from '../../shared/domain/business-date';
import { slaFor, startClock } from '../domain/sla-policy';
import { type TicketSource } from '../domain/ticket-status';
import { TicketHistoryOrmEntity } from '../infrastructure/ticket-history.orm-entity';
import { TicketOrmEntity } from '../infrastructure/ticket.orm-entity';
import { slaRulesFor } from '../infrastructure/sla-rule.repository';

export interface OpenTicketInput {
  readonly districtId: string;
  readonly orgPath: string;
  readonly source: TicketSource;
  readonly category: string;
  readonly summary: string;
  readonly householdId: string | null;
  readonly visitId: string | null;
  /** 首问负责: the member first asked owns the ticket; null for hotline/online until someone accepts. */
  readonly firstAskedMemberId: string | null;
  readonly hotlineTicketNo: string | null;
  readonly receivedAt: Date;
}

/** Every intake channel (visit, walk-in, hotline, online) opens tickets the same way. */
export async function openTicket(
  tx: TransactionContext,
  context: CommandContext,
  input: OpenTicketInput,
): Promise<TicketOrmEntity> {
  const rules = await slaRulesFor(tx.manager, input.districtId);
  const clock = startClock(input.receivedAt, slaFor(input.category, rules));
  const tickets = tx.manager.getRepository(TicketOrmEntity);
  const ticket = tickets.create({
    id: uuidv7(),
    districtId: input.districtId,
    orgPath: input.orgPath,
    source: input.source,
    hotlineTicketNo: input.hotlineTicketNo,
    category: input.category,
    summary: input.summary,
    householdId: input.householdId,
    visitId: input.visitId,
    status: 'received',
    statusBeforeHandoff: null,
    firstAskedMemberId: input.firstAskedMemberId,
    ownerMemberId: input.firstAskedMemberId,
    handoffId: null,
    handoffToMemberId: null,
    handoffToUnitId: null,
    handoffLevel: null,
    handoffReason: null,
    receivedAt: input.receivedAt,
    acceptDueAt: clock.acceptDueAt,
    resolveDueAt: clock.resolveDueAt,
    acceptedAt: null,
    resolvedAt: null,
    resolvedYear: null,
    resolvedByMemberId: null,
    resolutionCode: null,
    resolution: null,
    feedbackChannel: null,
    feedbackAt: null,
    satisfaction: null,
    closedAt: null,
    version: 1,
    updatedAt: context.now,
  });
  await tickets.insert(ticket);
  await tx.manager.getRepository(TicketHistoryOrmEntity).insert({
    id: uuidv7(),
    districtId: ticket.districtId,
    orgPath: ticket.orgPath,
    ticketId: ticket.id,
    action: 'receive',
    fromStatus: null,
    toStatus: 'received',
    actorId: context.actor.id,
    reason: null,
    at: context.now,
  });
  publishEvent(
    tx,
    context,
    ticketReceivedV1,
    { aggregateId: ticket.id, districtId: ticket.districtId, orgUnitPath: ticket.orgPath },
    {
      ticketId: ticket.id,
      source: input.source,
      category: input.category,
      householdId: input.householdId,
      visitId: input.visitId,
      ...(input.hotlineTicketNo ? { hotlineTicketNo: input.hotlineTicketNo } : {}),
      receivedByMemberId: input.firstAskedMemberId,
      responseDueOn: shanghaiDate(clock.resolveDueAt),
    },
  );
  return ticket;
}
