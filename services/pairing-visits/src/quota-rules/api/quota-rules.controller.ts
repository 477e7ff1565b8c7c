import { type Actor, CurrentActor } from '@lianxin/auth';
import { ApiRoute, Idempotent, ZodBody, ZodQuery } from '@lianxin/platform-http';
import { Controller, Get, Post } from '@nestjs/common';
import { CommandContextFactory } from '../../shared/api/command-context.factory';
import { PublishQuotaRulesHandler } from '../application/commands/publish-quota-rules/publish-quota-rules.handler';
import { GetQuotaRulesHandler } from '../application/queries/get-quota-rules/get-quota-rules.handler';
import {
  getQuotaRulesQuery,
  publishQuotaRulesBody,
  quotaRuleSetResponse,
  type GetQuotaRulesInput,
  type PublishQuotaRulesInput,
  type QuotaRuleSetView,
} from '../application/quota-rules.schemas';

const tags = ['quota-rules'];

@Controller('api/v1/quota-rules')
export class QuotaRulesController {
  constructor(
    private readonly context: CommandContextFactory,
    private readonly publish: PublishQuotaRulesHandler,
    private readonly get: GetQuotaRulesHandler,
  ) {}

  @Post()
  @Idempotent()
  @ApiRoute({
    summary: 'Publish a new version of a district’s quota rules',
    action: 'pairing.quota.configure',
    tags,
    responses: { 201: quotaRuleSetResponse },
    errors: [403, 422],
  })
  create(
    @CurrentActor() actor: Actor,
    @ZodBody(publishQuotaRulesBody) body: PublishQuotaRulesInput,
  ): Promise<QuotaRuleSetView> {
    return this.publish.execute(this.context.of(actor), body);
  }

  @Get()
  @ApiRoute({
    summary: 'Quota rules in force for a district on a date (seed 000 defaults when none)',
    action: 'pairing.quota.read',
    tags,
    responses: { 200: quotaRuleSetResponse },
  })
  current(
    @CurrentActor() actor: Actor,
    @ZodQuery(getQuotaRulesQuery) query: GetQuotaRulesInput,
  ): Promise<QuotaRuleSetView> {
    return this.get.execute(this.context.of(actor), query);
  }
}
