import { Controller, Delete, Get, Post, Put } from '@nestjs/common';
import { CurrentActor, type Actor } from '@lianxin/auth';
import { ApiRoute, Idempotent, ZodBody, ZodParams, ZodQuery } from '@lianxin/platform-http';
import { z } from 'zod';
import {
  addGroupMemberBody,
  AddGroupMemberHandler,
} from '../application/commands/add-group-member/add-group-member.handler';
import {
  changeGroupLeaderBody,
  ChangeGroupLeaderHandler,
} from '../application/commands/change-group-leader/change-group-leader.handler';
import {
  createPartyGroupBody,
  CreatePartyGroupHandler,
  type CreatePartyGroupCommand,
} from '../application/commands/create-party-group/create-party-group.handler';
import {
  activityViewSchema,
  recordGroupActivityBody,
  RecordGroupActivityHandler,
  type ActivityView,
  type RecordGroupActivityCommand,
} from '../application/commands/record-group-activity/record-group-activity.handler';
import {
  removeGroupMemberQuery,
  RemoveGroupMemberHandler,
  type RemoveGroupMemberCommand,
} from '../application/commands/remove-group-member/remove-group-member.handler';
import { GetPartyGroupHandler } from '../application/queries/get-party-group/get-party-group.handler';
import {
  ListGroupsWithoutActivityHandler,
  withoutActivityQuery,
  type WithoutActivityQuery,
} from '../application/queries/list-groups-without-activity/list-groups-without-activity.handler';
import {
  listPartyGroupsQuery,
  ListPartyGroupsHandler,
  type ListPartyGroupsQuery,
} from '../application/queries/list-party-groups/list-party-groups.handler';
import { partyGroupViewSchema, type PartyGroupView } from '../application/party-group-view';

const idParams = z.strictObject({ id: z.uuid() });
const memberParams = z.strictObject({ id: z.uuid(), memberId: z.uuid() });
const tags = ['party-groups'];
const list = z.object({ items: z.array(partyGroupViewSchema) });

@Controller('api/v1/party-groups')
export class PartyGroupsController {
  constructor(
    private readonly create: CreatePartyGroupHandler,
    private readonly join: AddGroupMemberHandler,
    private readonly leave: RemoveGroupMemberHandler,
    private readonly leader: ChangeGroupLeaderHandler,
    private readonly activity: RecordGroupActivityHandler,
    private readonly getOne: GetPartyGroupHandler,
    private readonly list: ListPartyGroupsHandler,
    private readonly inactive: ListGroupsWithoutActivityHandler,
  ) {}

  @Post()
  @Idempotent()
  @ApiRoute({
    summary: 'Form a party group (党小组) in a branch',
    action: 'registry.party-group.write',
    tags,
    responses: { 201: partyGroupViewSchema },
    errors: [404, 422],
  })
  createGroup(
    @ZodBody(createPartyGroupBody) body: CreatePartyGroupCommand,
    @CurrentActor() actor: Actor,
  ): Promise<PartyGroupView> {
    return this.create.execute(body, actor);
  }

  @Get()
  @ApiRoute({
    summary: 'List party groups (understaffed=true: under five members)',
    action: 'registry.party-group.read',
    tags,
    responses: { 200: list },
    errors: [404],
  })
  listGroups(
    @ZodQuery(listPartyGroupsQuery) query: ListPartyGroupsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<{ items: PartyGroupView[] }> {
    return this.list.execute(query, actor);
  }

  @Get('without-activity')
  @ApiRoute({
    summary: 'Groups with no activity in a month',
    action: 'registry.party-group.read',
    tags,
    responses: { 200: z.object({ month: z.string(), items: z.array(partyGroupViewSchema) }) },
    errors: [404],
  })
  withoutActivity(
    @ZodQuery(withoutActivityQuery) query: WithoutActivityQuery,
    @CurrentActor() actor: Actor,
  ): Promise<{ month: string; items: PartyGroupView[] }> {
    return this.inactive.execute(query, actor);
  }

  @Get(':id')
  @ApiRoute({
    summary: 'Get a party group',
    action: 'registry.party-group.read',
    tags,
    responses: { 200: partyGroupViewSchema },
    errors: [404],
  })
  getGroup(
    @ZodParams(idParams) params: { id: string },
    @CurrentActor() actor: Actor,
  ): Promise<PartyGroupView> {
    return this.getOne.execute(params.id, actor);
  }

  @Post(':id/members')
  @ApiRoute({
    summary: 'Add a member (at most 10)',
    action: 'registry.party-group.write',
    tags,
    responses: { 201: partyGroupViewSchema },
    errors: [404, 422],
  })
  addMember(
    @ZodParams(idParams) params: { id: string },
    @ZodBody(addGroupMemberBody) body: { memberId: string },
    @CurrentActor() actor: Actor,
  ): Promise<PartyGroupView> {
    return this.join.execute({ ...body, groupId: params.id }, actor);
  }

  @Delete(':id/members/:memberId')
  @ApiRoute({
    summary: 'Remove a member',
    action: 'registry.party-group.write',
    tags,
    responses: { 200: partyGroupViewSchema },
    errors: [404, 422],
  })
  removeMember(
    @ZodParams(memberParams) params: { id: string; memberId: string },
    @ZodQuery(removeGroupMemberQuery) query: Pick<RemoveGroupMemberCommand, 'reason'>,
    @CurrentActor() actor: Actor,
  ): Promise<PartyGroupView> {
    return this.leave.execute({ ...query, groupId: params.id, memberId: params.memberId }, actor);
  }

  @Put(':id/leader')
  @ApiRoute({
    summary: 'Appoint the leader (must be in the group)',
    action: 'registry.party-group.write',
    tags,
    responses: { 200: partyGroupViewSchema },
    errors: [404, 422],
  })
  changeLeader(
    @ZodParams(idParams) params: { id: string },
    @ZodBody(changeGroupLeaderBody) body: { memberId: string },
    @CurrentActor() actor: Actor,
  ): Promise<PartyGroupView> {
    return this.leader.execute({ ...body, groupId: params.id }, actor);
  }

  @Post(':id/activities')
  @Idempotent()
  @ApiRoute({
    summary: 'Record a monthly group activity',
    action: 'registry.party-group.write',
    tags,
    responses: { 201: activityViewSchema },
    errors: [404, 422],
  })
  recordActivity(
    @ZodParams(idParams) params: { id: string },
    @ZodBody(recordGroupActivityBody) body: Omit<RecordGroupActivityCommand, 'groupId'>,
    @CurrentActor() actor: Actor,
  ): Promise<ActivityView> {
    return this.activity.execute({ ...body, groupId: params.id }, actor);
  }
}
