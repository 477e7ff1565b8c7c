import { Controller, Delete, Get, Patch, Post } from '@nestjs/common';
import { CurrentActor, type Actor } from '@lianxin/auth';
import { ApiRoute, Idempotent, ZodBody, ZodParams, ZodQuery } from '@lianxin/platform-http';
import { z } from 'zod';
import {
  deactivateMemberQuery,
  DeactivateMemberHandler,
  type DeactivateMemberCommand,
} from '../application/commands/deactivate-member/deactivate-member.handler';
import {
  registerMemberBody,
  RegisterMemberHandler,
  type RegisterMemberCommand,
} from '../application/commands/register-member/register-member.handler';
import {
  transferMemberBody,
  TransferMemberHandler,
  type TransferMemberCommand,
} from '../application/commands/transfer-member/transfer-member.handler';
import {
  updateMemberBody,
  UpdateMemberHandler,
  type UpdateMemberCommand,
} from '../application/commands/update-member/update-member.handler';
import { GetMemberHandler } from '../application/queries/get-member/get-member.handler';
import {
  listMembersQuery,
  ListMembersHandler,
  memberPageSchema,
  type ListMembersQuery,
} from '../application/queries/list-members/list-members.handler';
import { memberViewSchema, type MemberView } from '../application/member-view';
import { transferViewSchema, type TransferView } from '../application/transfer-view';

const idParams = z.strictObject({ id: z.uuid() });
const tags = ['members'];

@Controller('api/v1/members')
export class MembersController {
  constructor(
    private readonly register: RegisterMemberHandler,
    private readonly update: UpdateMemberHandler,
    private readonly transfer: TransferMemberHandler,
    private readonly deactivate: DeactivateMemberHandler,
    private readonly getOne: GetMemberHandler,
    private readonly list: ListMembersHandler,
  ) {}

  @Post()
  @Idempotent()
  @ApiRoute({
    summary: 'Register a Party member in a branch',
    action: 'registry.member.write',
    tags,
    responses: { 201: memberViewSchema },
    errors: [404, 409, 422],
  })
  registerMember(
    @ZodBody(registerMemberBody) body: RegisterMemberCommand,
    @CurrentActor() actor: Actor,
  ): Promise<MemberView> {
    return this.register.execute(body, actor);
  }

  @Get()
  @ApiRoute({
    summary: 'List or search members in scope (keyset paging)',
    action: 'registry.member.read',
    tags,
    responses: { 200: memberPageSchema },
    errors: [404],
  })
  listMembers(
    @ZodQuery(listMembersQuery) query: ListMembersQuery,
    @CurrentActor() actor: Actor,
  ): Promise<{ items: MemberView[]; nextAfter: string | null }> {
    return this.list.execute(query, actor);
  }

  @Get(':id')
  @ApiRoute({
    summary: 'Get a member (phone and ID number masked unless allowed)',
    action: 'registry.member.read',
    tags,
    responses: { 200: memberViewSchema },
    errors: [404],
  })
  getMember(@ZodParams(idParams) params: { id: string }, @CurrentActor() actor: Actor): Promise<MemberView> {
    return this.getOne.execute(params.id, actor);
  }

  @Patch(':id')
  @ApiRoute({
    summary: 'Update member attributes (branch changes are transfers)',
    action: 'registry.member.write',
    tags,
    responses: { 200: memberViewSchema },
    errors: [404, 409],
  })
  updateMember(
    @ZodParams(idParams) params: { id: string },
    @ZodBody(updateMemberBody) body: Omit<UpdateMemberCommand, 'id'>,
    @CurrentActor() actor: Actor,
  ): Promise<MemberView> {
    return this.update.execute({ ...body, id: params.id }, actor);
  }

  @Delete(':id')
  @ApiRoute({
    summary: 'Deactivate a member with a reason (members are never erased)',
    action: 'registry.member.write',
    tags,
    responses: { 200: memberViewSchema },
    errors: [404, 409],
  })
  deactivateMember(
    @ZodParams(idParams) params: { id: string },
    @ZodQuery(deactivateMemberQuery) query: Omit<DeactivateMemberCommand, 'id'>,
    @CurrentActor() actor: Actor,
  ): Promise<MemberView> {
    return this.deactivate.execute({ ...query, id: params.id }, actor);
  }

  @Post(':id/transfers')
  @Idempotent()
  @ApiRoute({
    summary: 'Transfer a member to another branch or district (组织关系转接)',
    action: 'registry.member.transfer',
    tags,
    responses: { 201: transferViewSchema },
    errors: [404, 409, 422],
  })
  transferMember(
    @ZodParams(idParams) params: { id: string },
    @ZodBody(transferMemberBody) body: Omit<TransferMemberCommand, 'memberId'>,
    @CurrentActor() actor: Actor,
  ): Promise<TransferView> {
    return this.transfer.execute({ ...body, memberId: params.id }, actor);
  }
}
