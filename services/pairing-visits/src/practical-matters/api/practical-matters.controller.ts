import { type Actor, CurrentActor } from '@lianxin/auth';
import { ApiRoute, Idempotent, ZodBody, ZodQuery } from '@lianxin/platform-http';
import { Controller, Get, Post } from '@nestjs/common';
import { CommandContextFactory } from '../../shared/api/command-context.factory';
import { RecordPracticalMatterHandler } from '../application/commands/record-practical-matter/record-practical-matter.handler';
import {
  practicalMatterCountsQuery,
  practicalMatterCountsResponse,
  practicalMatterResponse,
  recordPracticalMatterBody,
  type PracticalMatterCountsInput,
  type PracticalMatterCountsView,
  type PracticalMatterView,
  type RecordPracticalMatterInput,
} from '../application/practical-matters.schemas';
import { PracticalMatterCountsHandler } from '../application/queries/practical-matter-counts/practical-matter-counts.handler';

const tags = ['practical-matters'];

@Controller('api/v1/practical-matters')
export class PracticalMattersController {
  constructor(
    private readonly context: CommandContextFactory,
    private readonly record: RecordPracticalMatterHandler,
    private readonly counts: PracticalMatterCountsHandler,
  ) {}

  @Post()
  @Idempotent()
  @ApiRoute({
    summary: 'Record a practical matter done (办实事) with evidence',
    action: 'pairing.visit.write',
    tags,
    responses: { 201: practicalMatterResponse },
    errors: [403, 404, 422],
  })
  create(
    @CurrentActor() actor: Actor,
    @ZodBody(recordPracticalMatterBody) body: RecordPracticalMatterInput,
  ): Promise<PracticalMatterView> {
    return this.record.execute(this.context.of(actor), body);
  }

  @Get('counts')
  @ApiRoute({
    summary: 'Practical matters counted per member or per unit',
    action: 'pairing.visit.read',
    tags,
    responses: { 200: practicalMatterCountsResponse },
    errors: [403],
  })
  count(
    @CurrentActor() actor: Actor,
    @ZodQuery(practicalMatterCountsQuery) query: PracticalMatterCountsInput,
  ): Promise<PracticalMatterCountsView> {
    return this.counts.execute(this.context.of(actor), query);
  }
}
