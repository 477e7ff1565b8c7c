import { Module } from '@nestjs/common';
import { MemberCardsController } from './api/member-cards.controller';
import { PublishMemberCardHandler } from './application/commands/publish-member-card/publish-member-card.handler';
import { GetMemberCardHandler } from './application/queries/get-member-card/get-member-card.handler';

@Module({ controllers: [MemberCardsController], providers: [PublishMemberCardHandler, GetMemberCardHandler] })
export class MemberCardsModule {}
