import { type Actor, CurrentActor } from '@lianxin/auth';
import { ApiRoute, Idempotent, ZodBody, ZodParams, ZodQuery } from '@lianxin/platform-http';
import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CommandContextFactory } from '../../shared/api/command-context.factory';
import { CreatePairingHandler } from '../application/commands/create-pairing/create-pairing.handler';
import { EndPairingHandler } from '../application/commands/end-pairing/end-pairing.handler';
import {
  coverageQuery,
  coverageResponse,
  createPairingBody,
  endPairingBody,
  idParams,
  listPairingsQuery,
  pairingListResponse,
  pairingResponse,
  repairingTaskListResponse,
  repairingTasksQuery,
  suggestionQuery,
  suggestionResponse,
  type CoverageInput,
  type CoverageView,
  type CreatePairingInput,
  type EndPairingInput,
  type ListPairingsInput,
  type PairingView,
  type RepairingTaskListView,
  type RepairingTasksInput,
  type SuggestionInput,
  type SuggestionView,
} from '../application/pairings.schemas';
import { CoverageReportHandler } from '../application/queries/coverage-report/coverage-report.handler';
import { ListPairingsHandler } from '../application/queries/list-pairings/list-pairings.handler';
import { ListRepairingTasksHandler } from '../application/queries/list-repairing-tasks/list-repairing-tasks.handler';
import { SuggestPairingsHandler } from '../application/queries/suggest-pairings/suggest-pairings.handler';
import { type z } from 'zod';

const tags = ['pairings'];

@Controller('api/v1')
export class PairingsController {
  constructor(
    private readonly context: CommandContextFactory,
    private readonly createPairing: CreatePairingHandler,
    private readonly endPairing: EndPairingHandler,
    private readonly listPairings: ListPairingsHandler,
    private readonly coverage: CoverageReportHandler,
    private readonly suggestions: SuggestPairingsHandler,
    private readonly repairingTasks: ListRepairingTasksHandler,
  ) {}

  @Post('pairings')
  @Idempotent()
  @ApiRoute({
    summary: 'Pair a cadre with a household',
    action: 'pairing.pairing.write',
    tags,
    responses: { 201: pairingResponse },
    errors: [403, 404, 409, 422],
  })
  create(
    @CurrentActor() actor: Actor,
    @ZodBody(createPairingBody) body: CreatePairingInput,
  ): Promise<PairingView> {
    return this.createPairing.execute(this.context.of(actor), body);
  }

  @Get('pairings')
  @ApiRoute({
    summary: 'List pairings in scope',
    action: 'pairing.pairing.read',
    tags,
    responses: { 200: pairingListResponse },
  })
  list(
    @CurrentActor() actor: Actor,
    @ZodQuery(listPairingsQuery) query: ListPairingsInput,
  ): Promise<z.infer<typeof pairingListResponse>> {
    return this.listPairings.execute(this.context.of(actor), query);
  }

  @Post('pairings/:id/end')
  @HttpCode(200)
  @ApiRoute({
    summary: 'End a pairing (a re-pairing task opens if the household still needs cover)',
    action: 'pairing.pairing.write',
    tags,
    responses: { 200: pairingResponse },
    errors: [404, 409],
  })
  end(
    @CurrentActor() actor: Actor,
    @ZodParams(idParams) params: { id: string },
    @ZodBody(endPairingBody) body: EndPairingInput,
  ): Promise<PairingView> {
    return this.endPairing.execute(this.context.of(actor), params.id, body);
  }

  @Get('coverage')
  @ApiRoute({
    summary: 'Hardship and migrant-member households with no active pairing',
    action: 'pairing.pairing.read',
    tags,
    responses: { 200: coverageResponse },
    errors: [403],
  })
  coverageReport(
    @CurrentActor() actor: Actor,
    @ZodQuery(coverageQuery) query: CoverageInput,
  ): Promise<CoverageView> {
    return this.coverage.execute(this.context.of(actor), query);
  }

  @Get('pairings/suggestions')
  @ApiRoute({
    summary: 'Deterministic pairings that close the coverage gaps within quotas',
    action: 'pairing.pairing.read',
    tags,
    responses: { 200: suggestionResponse },
    errors: [403],
  })
  suggest(
    @CurrentActor() actor: Actor,
    @ZodQuery(suggestionQuery) query: SuggestionInput,
  ): Promise<SuggestionView> {
    return this.suggestions.execute(this.context.of(actor), query);
  }

  @Get('pairings/repairing-tasks')
  @ApiRoute({
    summary: 'Households waiting to be re-paired after their cadre left',
    action: 'pairing.pairing.read',
    tags,
    responses: { 200: repairingTaskListResponse },
  })
  tasks(
    @CurrentActor() actor: Actor,
    @ZodQuery(repairingTasksQuery) query: RepairingTasksInput,
  ): Promise<RepairingTaskListView> {
    return this.repairingTasks.execute(this.context.of(actor), query);
  }
}
