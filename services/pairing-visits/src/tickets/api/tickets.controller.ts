import { type Actor, CurrentActor } from '@lianxin/auth';
import { ApiRoute, Idempotent, ZodBody, ZodParams, ZodQuery } from '@lianxin/platform-http';
import { Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { z } from 'zod';
import { CommandContextFactory } from '../../shared/api/command-context.factory';
import { ConfigureSlaHandler } from '../application/commands/configure-sla/configure-sla.handler';
import { ReceiveTicketHandler } from '../application/commands/receive-ticket/receive-ticket.handler';
import { TransitionTicketHandler } from '../application/commands/transition-ticket/transition-ticket.handler';
import { GetTicketHandler } from '../application/queries/get-ticket/get-ticket.handler';
import { ListOverdueTicketsHandler } from '../application/queries/list-overdue-tickets/list-overdue-tickets.handler';
import { ListTicketsHandler } from '../application/queries/list-tickets/list-tickets.handler';
import {
  listTicketsQuery,
  overdueQuery,
  receiveTicketBody,
  slaCategoryParams,
  slaRuleBody,
  slaRulesQuery,
  slaRulesResponse,
  ticketListResponse,
  ticketResponse,
  transitionBody,
  type ListTicketsInput,
  type OverdueInput,
  type ReceiveTicketInput,
  type SlaRuleInput,
  type SlaRulesView,
  type TicketListView,
  type TicketView,
  type TransitionInput,
} from '../application/tickets.schemas';

const tags = ['tickets'];
const idParams = z.strictObject({ id: z.uuid() });

@Controller('api/v1')
export class TicketsController {
  constructor(
    private readonly context: CommandContextFactory,
    private readonly receive: ReceiveTicketHandler,
    private readonly transition: TransitionTicketHandler,
    private readonly getTicket: GetTicketHandler,
    private readonly listTickets: ListTicketsHandler,
    private readonly overdue: ListOverdueTicketsHandler,
    private readonly sla: ConfigureSlaHandler,
  ) {}

  @Post('tickets')
  @Idempotent()
  @ApiRoute({
    summary: 'Receive a walk-in or online sentiment ticket (社情民意); the member first asked owns it',
    action: 'pairing.ticket.write',
    tags,
    responses: { 201: ticketResponse },
    errors: [403, 404],
  })
  create(
    @CurrentActor() actor: Actor,
    @ZodBody(receiveTicketBody) body: ReceiveTicketInput,
  ): Promise<TicketView> {
    return this.receive.execute(this.context.of(actor), body);
  }

  @Get('tickets')
  @ApiRoute({
    summary: 'List tickets in scope',
    action: 'pairing.ticket.read',
    tags,
    responses: { 200: ticketListResponse },
  })
  list(
    @CurrentActor() actor: Actor,
    @ZodQuery(listTicketsQuery) query: ListTicketsInput,
  ): Promise<TicketListView> {
    return this.listTickets.execute(this.context.of(actor), query);
  }

  @Get('tickets/overdue')
  @ApiRoute({
    summary: 'Open tickets past their SLA clocks',
    action: 'pairing.ticket.read',
    tags,
    responses: { 200: ticketListResponse },
  })
  overdueList(
    @CurrentActor() actor: Actor,
    @ZodQuery(overdueQuery) query: OverdueInput,
  ): Promise<TicketListView> {
    return this.overdue.execute(this.context.of(actor), query);
  }

  @Get('tickets/sla-rules')
  @ApiRoute({
    summary: 'SLA clocks per ticket category for a district',
    action: 'pairing.ticket.read',
    tags,
    responses: { 200: slaRulesResponse },
  })
  slaRules(
    @CurrentActor() actor: Actor,
    @ZodQuery(slaRulesQuery) query: { districtId: string },
  ): Promise<SlaRulesView> {
    return this.sla.list(this.context.of(actor), query.districtId);
  }

  @Put('tickets/sla-rules/:category')
  @ApiRoute({
    summary: 'Set the SLA clock of one ticket category for a district',
    action: 'pairing.quota.configure',
    tags,
    responses: { 200: slaRulesResponse },
    errors: [403],
  })
  setSla(
    @CurrentActor() actor: Actor,
    @ZodParams(slaCategoryParams) params: { category: string },
    @ZodBody(slaRuleBody) body: SlaRuleInput,
  ): Promise<SlaRulesView> {
    return this.sla.execute(this.context.of(actor), params.category, body);
  }

  @Get('tickets/:id')
  @ApiRoute({
    summary: 'A ticket with its history',
    action: 'pairing.ticket.read',
    tags,
    responses: { 200: ticketResponse },
    errors: [404],
  })
  get(@CurrentActor() actor: Actor, @ZodParams(idParams) params: { id: string }): Promise<TicketView> {
    return this.getTicket.execute(this.context.of(actor), params.id);
  }

  @Post('tickets/:id/transitions')
  @HttpCode(200)
  @ApiRoute({
    summary:
      'Move a ticket on: accept, start, escalate, hand off, accept/decline a hand-off, resolve, give feedback, close',
    action: 'pairing.ticket.write',
    tags,
    responses: { 200: ticketResponse },
    errors: [403, 404, 409],
  })
  move(
    @CurrentActor() actor: Actor,
    @ZodParams(idParams) params: { id: string },
    @ZodBody(transitionBody) body: TransitionInput,
  ): Promise<TicketView> {
    return this.transition.execute(this.context.of(actor), params.id, body);
  }
}
