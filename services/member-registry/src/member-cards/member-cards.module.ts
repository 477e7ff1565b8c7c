import { Module } from '@nestjs/common';
import { MemberCardsController } from './api/member-cards.controller';
import { PublicMemberCardsController } from './api/public-member-cards.controller';
import { PublishMemberCardHandler } from './application/commands/publish-member-card/publish-member-card.handler';
import { GetMemberCardHandler } from './application/queries/get-member-card/get-member-card.handler';
import { GetPublicMemberCardHandler } from './application/queries/get-public-member-card/get-public-member-card.handler';

@Module({
  controllers: [MemberCardsController, PublicMemberCardsController],
  providers: [PublishMemberCardHandler, GetMemberCardHandler, GetPublicMemberCardHandler],
})
export class MemberCardsModule {}
