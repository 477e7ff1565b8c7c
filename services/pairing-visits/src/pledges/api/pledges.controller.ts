import { type Actor, CurrentActor } from '@lianxin/auth';
import { ApiRoute, Idempotent, ZodBody, ZodParams, ZodQuery } from '@lianxin/platform-http';
import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { z } from 'zod';
import { CommandContextFactory } from '../../shared/api/command-context.factory';
import { EvaluatePledgeHandler } from '../application/commands/evaluate-pledge/evaluate-pledge.handler';
import { FulfilPledgeHandler } from '../application/commands/fulfil-pledge/fulfil-pledge.handler';
import { MakePledgeHandler } from '../application/commands/make-pledge/make-pledge.handler';
import { PublishPledgeHandler } from '../application/commands/publish-pledge/publish-pledge.handler';
import { ReportPledgeProgressHandler } from '../application/commands/report-pledge-progress/report-pledge-progress.handler';
import { SubmitYearEndReportHandler } from '../application/commands/submit-year-end-report/submit-year-end-report.handler';
import {
  evaluatePledgeBody,
  fulfilPledgeBody,
  listPledgesQuery,
  makePledgeBody,
  pledgeListResponse,
  pledgeProgressBody,
  pledgeResponse,
  publishPledgeBody,
  yearEndReportBody,
  yearEndReportParams,
  yearEndReportQuery,
  yearEndReportResponse,
  type EvaluatePledgeInput,
  type FulfilPledgeInput,
  type ListPledgesInput,
  type MakePledgeInput,
  type PledgeListView,
  type PledgeProgressInput,
  type PledgeView,
  type PublishPledgeInput,
  type YearEndReportInput,
  type YearEndReportView,
} from '../application/pledges.schemas';
import { ListPledgesHandler } from '../application/queries/list-pledges/list-pledges.handler';
import { YearEndReportHandler } from '../application/queries/year-end-report/year-end-report.handler';

const tags = ['pledges'];
const idParams = z.strictObject({ id: z.uuid() });
const reportSubmitted = z.object({ memberId: z.string(), year: z.number().int() });

@Controller('api/v1')
export class PledgesController {
  constructor(
    private readonly context: CommandContextFactory,
    private readonly make: MakePledgeHandler,
    private readonly publish: PublishPledgeHandler,
    private readonly progress: ReportPledgeProgressHandler,
    private readonly fulfil: FulfilPledgeHandler,
    private readonly evaluate: EvaluatePledgeHandler,
    private readonly submitReport: SubmitYearEndReportHandler,
    private readonly listPledges: ListPledgesHandler,
    private readonly yearEnd: YearEndReportHandler,
  ) {}

  @Post('pledges')
  @Idempotent()
  @ApiRoute({
    summary: 'Make a pledge (at most 5 per member per year; the sixth is 422)',
    action: 'pairing.pledge.write',
    tags,
    responses: { 201: pledgeResponse },
    errors: [403, 404, 422],
  })
  create(@CurrentActor() actor: Actor, @ZodBody(makePledgeBody) body: MakePledgeInput): Promise<PledgeView> {
    return this.make.execute(this.context.of(actor), body);
  }

  @Get('pledges')
  @ApiRoute({
    summary: 'List pledges in scope',
    action: 'pairing.pledge.read',
    tags,
    responses: { 200: pledgeListResponse },
  })
  list(
    @CurrentActor() actor: Actor,
    @ZodQuery(listPledgesQuery) query: ListPledgesInput,
  ): Promise<PledgeListView> {
    return this.listPledges.execute(this.context.of(actor), query);
  }

  @Post('pledges/:id/publish')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Publish a pledge on a board (集中亮诺)',
    action: 'pairing.pledge.write',
    tags,
    responses: { 200: pledgeResponse },
    errors: [403, 404, 409],
  })
  publishPledge(
    @CurrentActor() actor: Actor,
    @ZodParams(idParams) params: { id: string },
    @ZodBody(publishPledgeBody) body: PublishPledgeInput,
  ): Promise<PledgeView> {
    return this.publish.execute(this.context.of(actor), params.id, body);
  }

  @Post('pledges/:id/progress')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Report progress on a published pledge',
    action: 'pairing.pledge.write',
    tags,
    responses: { 200: pledgeResponse },
    errors: [403, 404, 409],
  })
  report(
    @CurrentActor() actor: Actor,
    @ZodParams(idParams) params: { id: string },
    @ZodBody(pledgeProgressBody) body: PledgeProgressInput,
  ): Promise<PledgeView> {
    return this.progress.execute(this.context.of(actor), params.id, body);
  }

  @Post('pledges/:id/fulfilment')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Mark a pledge fulfilled, with evidence',
    action: 'pairing.pledge.write',
    tags,
    responses: { 200: pledgeResponse },
    errors: [403, 404, 409, 422],
  })
  fulfilPledge(
    @CurrentActor() actor: Actor,
    @ZodParams(idParams) params: { id: string },
    @ZodBody(fulfilPledgeBody) body: FulfilPledgeInput,
  ): Promise<PledgeView> {
    return this.fulfil.execute(this.context.of(actor), params.id, body);
  }

  @Post('pledges/:id/evaluations')
  @Idempotent()
  @ApiRoute({
    summary: 'Record a resident’s evaluation (satisfied / basically / unsatisfied)',
    action: 'pairing.pledge.write',
    tags,
    responses: { 201: pledgeResponse },
    errors: [404, 409],
  })
  evaluatePledge(
    @CurrentActor() actor: Actor,
    @ZodParams(idParams) params: { id: string },
    @ZodBody(evaluatePledgeBody) body: EvaluatePledgeInput,
  ): Promise<PledgeView> {
    return this.evaluate.execute(this.context.of(actor), params.id, body);
  }

  @Post('pledges/reports')
  @Idempotent()
  @ApiRoute({
    summary: 'Submit the year-end report on pledges (述职), once a year',
    action: 'pairing.pledge.write',
    tags,
    responses: { 201: reportSubmitted },
    errors: [403, 404, 409],
  })
  submit(
    @CurrentActor() actor: Actor,
    @ZodBody(yearEndReportBody) body: YearEndReportInput,
  ): Promise<z.infer<typeof reportSubmitted>> {
    return this.submitReport.execute(this.context.of(actor), body.memberId, body.year, body.summary);
  }

  @Get('pledges/reports/:memberId')
  @ApiRoute({
    summary: 'Year-end pledge report of a member',
    action: 'pairing.pledge.read',
    tags,
    responses: { 200: yearEndReportResponse },
    errors: [404],
  })
  yearEndReport(
    @CurrentActor() actor: Actor,
    @ZodParams(yearEndReportParams) params: { memberId: string },
    @ZodQuery(yearEndReportQuery) query: { year: number },
  ): Promise<YearEndReportView> {
    return this.yearEnd.execute(this.context.of(actor), params.memberId, query.year);
  }
}
