import { type Actor, CurrentActor } from '@lianxin/auth';
import { ApiRoute, Idempotent, ZodBody, ZodQuery } from '@lianxin/platform-http';
import { Controller, Get, Post } from '@nestjs/common';
import { CommandContextFactory } from '../../shared/api/command-context.factory';
import { RecordGrassrootsDayHandler } from '../application/commands/record-grassroots-day/record-grassroots-day.handler';
import {
  grassrootsDayResponse,
  grassrootsTotalsQuery,
  grassrootsTotalsResponse,
  recordGrassrootsDayBody,
  type GrassrootsDayView,
  type GrassrootsTotalsInput,
  type GrassrootsTotalsView,
  type RecordGrassrootsDayInput,
} from '../application/grassroots-days.schemas';
import { GrassrootsDayTotalsHandler } from '../application/queries/grassroots-day-totals/grassroots-day-totals.handler';

const tags = ['grassroots-days'];

@Controller('api/v1/grassroots-days')
export class GrassrootsDaysController {
  constructor(
    private readonly context: CommandContextFactory,
    private readonly record: RecordGrassrootsDayHandler,
    private readonly totals: GrassrootsDayTotalsHandler,
  ) {}

  @Post()
  @Idempotent()
  @ApiRoute({
    summary: 'Record a day at the grassroots (one per cadre per date)',
    action: 'pairing.visit.write',
    tags,
    responses: { 201: grassrootsDayResponse },
    errors: [403, 404, 409, 422],
  })
  create(
    @CurrentActor() actor: Actor,
    @ZodBody(recordGrassrootsDayBody) body: RecordGrassrootsDayInput,
  ): Promise<GrassrootsDayView> {
    return this.record.execute(this.context.of(actor), body);
  }

  @Get('totals')
  @ApiRoute({
    summary: 'Yearly grassroots-day totals per cadre',
    action: 'pairing.visit.read',
    tags,
    responses: { 200: grassrootsTotalsResponse },
  })
  yearly(
    @CurrentActor() actor: Actor,
    @ZodQuery(grassrootsTotalsQuery) query: GrassrootsTotalsInput,
  ): Promise<GrassrootsTotalsView> {
    return this.totals.execute(this.context.of(actor), query);
  }
}
