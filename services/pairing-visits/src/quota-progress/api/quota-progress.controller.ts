import { type Actor, CurrentActor } from '@lianxin/auth';
import { ApiRoute, ZodParams, ZodQuery } from '@lianxin/platform-http';
import { Controller, Get } from '@nestjs/common';
import { CommandContextFactory } from '../../shared/api/command-context.factory';
import { GetCadreProgressHandler } from '../application/queries/get-cadre-progress/get-cadre-progress.handler';
import { ListEarlyWarningsHandler } from '../application/queries/list-early-warnings/list-early-warnings.handler';
import { UnitRollupsHandler } from '../application/queries/unit-rollups/unit-rollups.handler';
import {
  cadreProgressParams,
  cadreProgressQuery,
  cadreProgressResponse,
  earlyWarningQuery,
  earlyWarningResponse,
  rollupQuery,
  rollupResponse,
  type CadreProgressInput,
  type CadreProgressView,
  type EarlyWarningInput,
  type EarlyWarningView,
  type RollupInput,
  type RollupView,
} from '../application/quota-progress.schemas';

const tags = ['quota-progress'];

@Controller('api/v1/quota-progress')
export class QuotaProgressController {
  constructor(
    private readonly context: CommandContextFactory,
    private readonly cadre: GetCadreProgressHandler,
    private readonly warnings: ListEarlyWarningsHandler,
    private readonly rollups: UnitRollupsHandler,
  ) {}

  @Get('early-warnings')
  @ApiRoute({
    summary: 'Cadres behind the pro-rata schedule on any target',
    action: 'pairing.quota.read',
    tags,
    responses: { 200: earlyWarningResponse },
    errors: [403],
  })
  earlyWarnings(
    @CurrentActor() actor: Actor,
    @ZodQuery(earlyWarningQuery) query: EarlyWarningInput,
  ): Promise<EarlyWarningView> {
    return this.warnings.execute(this.context.of(actor), query);
  }

  @Get('units')
  @ApiRoute({
    summary: 'Progress rolled up for a unit and its child units',
    action: 'pairing.quota.read',
    tags,
    responses: { 200: rollupResponse },
    errors: [403],
  })
  units(@CurrentActor() actor: Actor, @ZodQuery(rollupQuery) query: RollupInput): Promise<RollupView> {
    return this.rollups.execute(this.context.of(actor), query);
  }

  @Get('cadres/:cadreId')
  @ApiRoute({
    summary: 'A cadre’s progress against their rank’s yearly targets',
    action: 'pairing.quota.read',
    tags,
    responses: { 200: cadreProgressResponse },
    errors: [404],
  })
  get(
    @CurrentActor() actor: Actor,
    @ZodParams(cadreProgressParams) params: { cadreId: string },
    @ZodQuery(cadreProgressQuery) query: CadreProgressInput,
  ): Promise<CadreProgressView> {
    return this.cadre.execute(this.context.of(actor), params.cadreId, query);
  }
}
