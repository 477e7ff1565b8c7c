import { type Actor, CurrentActor } from '@lianxin/auth';
import { ApiRoute, ZodBody, ZodParams } from '@lianxin/platform-http';
import { Controller, Get, Post, Res } from '@nestjs/common';
import { type Response } from 'express';
import { CommandContextFactory } from '../../shared/api/command-context.factory';
import {
  hotlineIntakeBody,
  hotlineParams,
  hotlineStatusResponse,
  ticketResponse,
  type HotlineIntakeInput,
  type HotlineStatusView,
  type TicketView,
} from '../../tickets/application/tickets.schemas';
import { IntakeHotlineTicketHandler } from '../application/commands/intake-hotline-ticket/intake-hotline-ticket.handler';
import { GetHotlineStatusHandler } from '../application/queries/get-hotline-status/get-hotline-status.handler';

const tags = ['hotline'];

/** The 96333 hotline's integration: intake is idempotent on its work-order number; status syncs back. */
@Controller('api/v1/hotline/tickets')
export class HotlineController {
  constructor(
    private readonly context: CommandContextFactory,
    private readonly intake: IntakeHotlineTicketHandler,
    private readonly status: GetHotlineStatusHandler,
  ) {}

  @Post()
  @ApiRoute({
    summary: 'Forward a 96333 work order (a resend returns the same ticket with 200)',
    action: 'pairing.ticket.write',
    tags,
    responses: { 201: ticketResponse, 200: ticketResponse },
    errors: [403, 404],
  })
  async create(
    @CurrentActor() actor: Actor,
    @ZodBody(hotlineIntakeBody) body: HotlineIntakeInput,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TicketView> {
    const result = await this.intake.execute(this.context.of(actor), body);
    response.status(result.created ? 201 : 200);
    return result.ticket;
  }

  @Get(':hotlineTicketNo')
  @ApiRoute({
    summary: 'Status of a hotline work order, for syncing back',
    action: 'pairing.ticket.read',
    tags,
    responses: { 200: hotlineStatusResponse },
    errors: [404],
  })
  get(
    @CurrentActor() actor: Actor,
    @ZodParams(hotlineParams) params: { hotlineTicketNo: string },
  ): Promise<HotlineStatusView> {
    return this.status.execute(this.context.of(actor), params.hotlineTicketNo);
  }
}
