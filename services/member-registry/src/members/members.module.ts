import { Module } from '@nestjs/common';
import { MemberTransfersController } from './api/member-transfers.controller';
import { MembersController } from './api/members.controller';
import { AcceptTransferHandler } from './application/commands/accept-transfer/accept-transfer.handler';
import { DeactivateMemberHandler } from './application/commands/deactivate-member/deactivate-member.handler';
import { RegisterMemberHandler } from './application/commands/register-member/register-member.handler';
import { TransferMemberHandler } from './application/commands/transfer-member/transfer-member.handler';
import { UpdateMemberHandler } from './application/commands/update-member/update-member.handler';
import { GetMemberHandler } from './application/queries/get-member/get-member.handler';
import { ListMembersHandler } from './application/queries/list-members/list-members.handler';
import { ListTransfersHandler } from './application/queries/list-transfers/list-transfers.handler';

@Module({
  controllers: [MemberTransfersController, MembersController],
  providers: [
    RegisterMemberHandler,
    UpdateMemberHandler,
    TransferMemberHandler,
    AcceptTransferHandler,
    DeactivateMemberHandler,
    GetMemberHandler,
    ListMembersHandler,
    ListTransfersHandler,
  ],
})
export class MembersModule {}
