import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { CurrentActor, type Actor } from '@lianxin/auth';
import { ApiRoute, Idempotent, ZodBody, ZodParams, ZodQuery } from '@lianxin/platform-http';
import { z } from 'zod';
import {
  deactivateOrgUnitQuery,
  DeactivateOrgUnitHandler,
  type DeactivateOrgUnitCommand,
} from '../application/commands/deactivate-org-unit/deactivate-org-unit.handler';
import {
  createOrgUnitBody,
  CreateOrgUnitHandler,
  type CreateOrgUnitCommand,
} from '../application/commands/create-org-unit/create-org-unit.handler';
import {
  moveOrgUnitBody,
  MoveOrgUnitHandler,
} from '../application/commands/move-org-unit/move-org-unit.handler';
import {
  renameOrgUnitBody,
  RenameOrgUnitHandler,
} from '../application/commands/rename-org-unit/rename-org-unit.handler';
import { GetOrgUnitHandler } from '../application/queries/get-org-unit/get-org-unit.handler';
import {
  listOrgUnitsQuery,
  ListOrgUnitsHandler,
  type ListOrgUnitsQuery,
} from '../application/queries/list-org-units/list-org-units.handler';
import { orgUnitViewSchema, type OrgUnitView } from '../application/org-unit-view';

const idParams = z.strictObject({ id: z.uuid() });
const tags = ['org-units'];

@Controller('api/v1/org-units')
export class OrgUnitsController {
  constructor(
    private readonly create: CreateOrgUnitHandler,
    private readonly rename: RenameOrgUnitHandler,
    private readonly move: MoveOrgUnitHandler,
    private readonly getOne: GetOrgUnitHandler,
    private readonly list: ListOrgUnitsHandler,
    private readonly deactivate: DeactivateOrgUnitHandler,
  ) {}

  @Post()
  @Idempotent()
  @ApiRoute({
    summary: 'Create an org unit under a parent',
    action: 'registry.org-unit.write',
    tags,
    responses: { 201: orgUnitViewSchema },
    errors: [403, 404, 409, 422],
  })
  createUnit(
    @ZodBody(createOrgUnitBody) body: CreateOrgUnitCommand,
    @CurrentActor() actor: Actor,
  ): Promise<OrgUnitView> {
    return this.create.execute(body, actor);
  }

  @Get()
  @ApiRoute({
    summary: 'List org units in scope',
    action: 'registry.org-unit.read',
    tags,
    responses: { 200: z.object({ items: z.array(orgUnitViewSchema) }) },
    errors: [404],
  })
  listUnits(
    @ZodQuery(listOrgUnitsQuery) query: ListOrgUnitsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<{ items: OrgUnitView[] }> {
    return this.list.execute(query, actor);
  }

  @Get(':id')
  @ApiRoute({
    summary: 'Get an org unit',
    action: 'registry.org-unit.read',
    tags,
    responses: { 200: orgUnitViewSchema },
    errors: [404],
  })
  getUnit(@ZodParams(idParams) params: { id: string }, @CurrentActor() actor: Actor): Promise<OrgUnitView> {
    return this.getOne.execute(params.id, actor);
  }

  @Patch(':id')
  @ApiRoute({
    summary: 'Rename an org unit (its code never changes)',
    action: 'registry.org-unit.write',
    tags,
    responses: { 200: orgUnitViewSchema },
    errors: [404],
  })
  renameUnit(
    @ZodParams(idParams) params: { id: string },
    @ZodBody(renameOrgUnitBody) body: { name: string },
    @CurrentActor() actor: Actor,
  ): Promise<OrgUnitView> {
    return this.rename.execute({ ...body, id: params.id }, actor);
  }

  @Post(':id/move')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Move an org unit and its subtree under another parent',
    action: 'registry.org-unit.write',
    tags,
    responses: { 200: orgUnitViewSchema },
    errors: [403, 404, 422],
  })
  moveUnit(
    @ZodParams(idParams) params: { id: string },
    @ZodBody(moveOrgUnitBody) body: { parentId: string },
    @CurrentActor() actor: Actor,
  ): Promise<OrgUnitView> {
    return this.move.execute({ ...body, id: params.id }, actor);
  }

  @Delete(':id')
  @ApiRoute({
    summary: 'Deactivate an empty org unit',
    action: 'registry.org-unit.write',
    tags,
    responses: { 200: orgUnitViewSchema },
    errors: [404, 409, 422],
  })
  deactivateUnit(
    @ZodParams(idParams) params: { id: string },
    @ZodQuery(deactivateOrgUnitQuery) query: Omit<DeactivateOrgUnitCommand, 'id'>,
    @CurrentActor() actor: Actor,
  ): Promise<OrgUnitView> {
    return this.deactivate.execute({ ...query, id: params.id }, actor);
  }
}
