import { type Actor, CurrentActor } from '@lianxin/auth';
import { ApiRoute, Idempotent, ZodBody, ZodParams, ZodQuery } from '@lianxin/platform-http';
import { Controller, Get, Patch, Post } from '@nestjs/common';
import { z } from 'zod';
import { CommandContextFactory } from '../../shared/api/command-context.factory';
import { CorrectVisitHandler } from '../application/commands/correct-visit/correct-visit.handler';
import { EditVisitHandler } from '../application/commands/edit-visit/edit-visit.handler';
import { LogVisitHandler } from '../application/commands/log-visit/log-visit.handler';
import { GetVisitHandler } from '../application/queries/get-visit/get-visit.handler';
import { ListVisitsHandler } from '../application/queries/list-visits/list-visits.handler';
import {
  correctVisitBody,
  editVisitBody,
  listVisitsQuery,
  logVisitBody,
  visitListResponse,
  visitResponse,
  type CorrectVisitInput,
  type EditVisitInput,
  type ListVisitsInput,
  type LogVisitInput,
  type VisitListView,
  type VisitView,
} from '../application/visits.schemas';

const tags = ['visits'];
const idParams = z.strictObject({ id: z.uuid() });

@Controller('api/v1/visits')
export class VisitsController {
  constructor(
    private readonly context: CommandContextFactory,
    private readonly logVisit: LogVisitHandler,
    private readonly editVisit: EditVisitHandler,
    private readonly correctVisit: CorrectVisitHandler,
    private readonly getVisit: GetVisitHandler,
    private readonly listVisits: ListVisitsHandler,
  ) {}

  @Post()
  @Idempotent()
  @ApiRoute({
    summary: 'Log a visit in the diary (民情日志); problems become tickets, matters done are counted',
    action: 'pairing.visit.write',
    tags,
    responses: { 201: visitResponse },
    errors: [403, 404, 422],
  })
  log(@CurrentActor() actor: Actor, @ZodBody(logVisitBody) body: LogVisitInput): Promise<VisitView> {
    return this.logVisit.execute(this.context.of(actor), body);
  }

  @Get()
  @ApiRoute({
    summary: 'List visits in scope',
    action: 'pairing.visit.read',
    tags,
    responses: { 200: visitListResponse },
  })
  list(
    @CurrentActor() actor: Actor,
    @ZodQuery(listVisitsQuery) query: ListVisitsInput,
  ): Promise<VisitListView> {
    return this.listVisits.execute(this.context.of(actor), query);
  }

  @Get(':id')
  @ApiRoute({
    summary: 'A visit with its correction trail',
    action: 'pairing.visit.read',
    tags,
    responses: { 200: visitResponse },
    errors: [404],
  })
  get(@CurrentActor() actor: Actor, @ZodParams(idParams) params: { id: string }): Promise<VisitView> {
    return this.getVisit.execute(this.context.of(actor), params.id);
  }

  @Patch(':id')
  @ApiRoute({
    summary: 'Edit a visit within 7 days of writing it',
    action: 'pairing.visit.write',
    tags,
    responses: { 200: visitResponse },
    errors: [403, 404, 409, 422],
  })
  edit(
    @CurrentActor() actor: Actor,
    @ZodParams(idParams) params: { id: string },
    @ZodBody(editVisitBody) body: EditVisitInput,
  ): Promise<VisitView> {
    return this.editVisit.execute(this.context.of(actor), params.id, body);
  }

  @Post(':id/corrections')
  @Idempotent()
  @ApiRoute({
    summary: 'Append a correction to a visit (the original stays in the trail)',
    action: 'pairing.visit.write',
    tags,
    responses: { 201: visitResponse },
    errors: [403, 404, 409, 422],
  })
  correct(
    @CurrentActor() actor: Actor,
    @ZodParams(idParams) params: { id: string },
    @ZodBody(correctVisitBody) body: CorrectVisitInput,
  ): Promise<VisitView> {
    return this.correctVisit.execute(this.context.of(actor), params.id, body);
  }
}
