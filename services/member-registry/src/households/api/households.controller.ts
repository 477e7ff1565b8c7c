import { Controller, Delete, Get, Patch, Post } from '@nestjs/common';
import { CurrentActor, type Actor } from '@lianxin/auth';
import { ApiRoute, Idempotent, ZodBody, ZodParams, ZodQuery } from '@lianxin/platform-http';
import { z } from 'zod';
import {
  DeactivateHouseholdHandler,
  deactivateHouseholdQuery,
  type DeactivateHouseholdQuery,
} from '../application/commands/deactivate-household/deactivate-household.handler';
import {
  registerHouseholdBody,
  RegisterHouseholdHandler,
  type RegisterHouseholdCommand,
} from '../application/commands/register-household/register-household.handler';
import {
  updateHouseholdBody,
  UpdateHouseholdHandler,
  type UpdateHouseholdCommand,
} from '../application/commands/update-household/update-household.handler';
import { GetHouseholdHandler } from '../application/queries/get-household/get-household.handler';
import {
  householdPageSchema,
  listHouseholdsQuery,
  ListHouseholdsHandler,
  type ListHouseholdsQuery,
} from '../application/queries/list-households/list-households.handler';
import { householdViewSchema, type HouseholdView } from '../application/household-view';

const idParams = z.strictObject({ id: z.uuid() });
const tags = ['households'];

@Controller('api/v1/households')
export class HouseholdsController {
  constructor(
    private readonly register: RegisterHouseholdHandler,
    private readonly update: UpdateHouseholdHandler,
    private readonly deactivate: DeactivateHouseholdHandler,
    private readonly getOne: GetHouseholdHandler,
    private readonly list: ListHouseholdsHandler,
  ) {}

  @Post()
  @Idempotent()
  @ApiRoute({
    summary: 'Register a household to be served',
    action: 'registry.household.write',
    tags,
    responses: { 201: householdViewSchema },
    errors: [404, 409, 422],
  })
  registerHousehold(
    @ZodBody(registerHouseholdBody) body: RegisterHouseholdCommand,
    @CurrentActor() actor: Actor,
  ): Promise<HouseholdView> {
    return this.register.execute(body, actor);
  }

  @Get()
  @ApiRoute({
    summary: 'List households in scope',
    action: 'registry.household.read',
    tags,
    responses: { 200: householdPageSchema },
    errors: [404],
  })
  listHouseholds(
    @ZodQuery(listHouseholdsQuery) query: ListHouseholdsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<{ items: HouseholdView[]; nextAfter: string | null }> {
    return this.list.execute(query, actor);
  }

  @Get(':id')
  @ApiRoute({
    summary: 'Get a household (ID number and phone masked unless allowed)',
    action: 'registry.household.read',
    tags,
    responses: { 200: householdViewSchema },
    errors: [404],
  })
  getHousehold(
    @ZodParams(idParams) params: { id: string },
    @CurrentActor() actor: Actor,
  ): Promise<HouseholdView> {
    return this.getOne.execute(params.id, actor);
  }

  @Patch(':id')
  @ApiRoute({
    summary: 'Update a household (hardship status changes are published)',
    action: 'registry.household.write',
    tags,
    responses: { 200: householdViewSchema },
    errors: [404, 409],
  })
  updateHousehold(
    @ZodParams(idParams) params: { id: string },
    @ZodBody(updateHouseholdBody) body: Omit<UpdateHouseholdCommand, 'id'>,
    @CurrentActor() actor: Actor,
  ): Promise<HouseholdView> {
    return this.update.execute({ ...body, id: params.id }, actor);
  }

  @Delete(':id')
  @ApiRoute({
    summary: 'Deactivate a household (kept, leaves every list; publishes registry.household.deactivated)',
    action: 'registry.household.write',
    tags,
    responses: { 200: householdViewSchema },
    errors: [404, 422],
  })
  deactivateHousehold(
    @ZodParams(idParams) params: { id: string },
    @ZodQuery(deactivateHouseholdQuery) query: DeactivateHouseholdQuery,
    @CurrentActor() actor: Actor,
  ): Promise<HouseholdView> {
    return this.deactivate.execute(params.id, query, actor);
  }
}
