import { Module } from '@nestjs/common';
import { PartyGroupsController } from './api/party-groups.controller';
import { AddGroupMemberHandler } from './application/commands/add-group-member/add-group-member.handler';
import { ChangeGroupLeaderHandler } from './application/commands/change-group-leader/change-group-leader.handler';
import { CreatePartyGroupHandler } from './application/commands/create-party-group/create-party-group.handler';
import { RecordGroupActivityHandler } from './application/commands/record-group-activity/record-group-activity.handler';
import { RemoveGroupMemberHandler } from './application/commands/remove-group-member/remove-group-member.handler';
import { GetPartyGroupHandler } from './application/queries/get-party-group/get-party-group.handler';
import { ListGroupsWithoutActivityHandler } from './application/queries/list-groups-without-activity/list-groups-without-activity.handler';
import { ListPartyGroupsHandler } from './application/queries/list-party-groups/list-party-groups.handler';

@Module({
  controllers: [PartyGroupsController],
  providers: [
    CreatePartyGroupHandler,
    AddGroupMemberHandler,
    RemoveGroupMemberHandler,
    ChangeGroupLeaderHandler,
    RecordGroupActivityHandler,
    GetPartyGroupHandler,
    ListPartyGroupsHandler,
    ListGroupsWithoutActivityHandler,
  ],
})
export class PartyGroupsModule {}
