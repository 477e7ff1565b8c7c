import { Controller, Get } from '@nestjs/common';
import { ApiRoute, Public, ZodParams } from '@lianxin/platform-http';
import { z } from 'zod';
import { GetPublicMemberCardHandler } from '../application/queries/get-public-member-card/get-public-member-card.handler';
import {
  publicMemberCardViewSchema,
  type PublicMemberCardView,
} from '../application/public-member-card-view';

const params = z.strictObject({ cardId: z.uuid() });

/**
 * `/public/member-cards/{cardId}`: where the QR code on a printed card leads (MEMBER_CARD_BASE_URL).
 * Unauthenticated and read-only; the gateway rate-limits it per client address.
 */
@Controller('public/member-cards')
export class PublicMemberCardsController {
  constructor(private readonly getCard: GetPublicMemberCardHandler) {}

  @Public()
  @Get(':cardId')
  @ApiRoute({
    summary: 'A printed member card, as a resident scanning its QR code sees it (no token)',
    description:
      'Name, post, service items, service pledge and motto; the phone only when the member consented. ' +
      '404 for an unknown card or a member no longer active.',
    tags: ['member-cards'],
    responses: { 200: publicMemberCardViewSchema },
    errors: [404, 429],
  })
  getPublicMemberCard(@ZodParams(params) p: { cardId: string }): Promise<PublicMemberCardView> {
    return this.getCard.execute(p.cardId);
  }
}
