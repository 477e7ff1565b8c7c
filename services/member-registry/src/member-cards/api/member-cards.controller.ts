import { Controller, Get, Put } from '@nestjs/common';
import { CurrentActor, type Actor } from '@lianxin/auth';
import { ApiRoute, ZodBody, ZodParams } from '@lianxin/platform-http';
import { z } from 'zod';
import {
  publishMemberCardBody,
  PublishMemberCardHandler,
  type PublishMemberCardCommand,
} from '../application/commands/publish-member-card/publish-member-card.handler';
import { GetMemberCardHandler } from '../application/queries/get-member-card/get-member-card.handler';
import { memberCardViewSchema, type MemberCardView } from '../application/member-card-view';

const params = z.strictObject({ memberId: z.uuid() });

@Controller('api/v1/member-cards')
export class MemberCardsController {
  constructor(
    private readonly publishCard: PublishMemberCardHandler,
    private readonly getCard: GetMemberCardHandler,
  ) {}

  @Put(':memberId')
  @ApiRoute({
    summary: 'Publish or reprint a member card (党员名片)',
    action: 'registry.member.write',
    tags: ['member-cards'],
    responses: { 200: memberCardViewSchema },
    errors: [404, 409],
  })
  publishMemberCard(
    @ZodParams(params) p: { memberId: string },
    @ZodBody(publishMemberCardBody) body: Omit<PublishMemberCardCommand, 'memberId'>,
    @CurrentActor() actor: Actor,
  ): Promise<MemberCardView> {
    return this.publishCard.execute({ ...body, memberId: p.memberId }, actor);
  }

  @Get(':memberId')
  @ApiRoute({
    summary: 'The card as printed: phone only with the member’s consent',
    action: 'registry.member.read',
    tags: ['member-cards'],
    responses: { 200: memberCardViewSchema },
    errors: [404],
  })
  getMemberCard(
    @ZodParams(params) p: { memberId: string },
    @CurrentActor() actor: Actor,
  ): Promise<MemberCardView> {
    return this.getCard.execute(p.memberId, actor);
  }
}
