import { type z } from 'zod';
import { memberCardViewSchema } from './member-card-view';

/**
 * What a resident sees after scanning the QR code on a printed card (党员名片): exactly what the
 * card prints — the member card without the member id, the QR URL and the publication date. No ID
 * number or address (the card view has none); the phone only with the member's consent.
 */
export const publicMemberCardViewSchema = memberCardViewSchema.omit({
  memberId: true,
  qrUrl: true,
  publishedOn: true,
});
export type PublicMemberCardView = z.infer<typeof publicMemberCardViewSchema>;
