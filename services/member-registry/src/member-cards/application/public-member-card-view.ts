import { z } from 'zod';

/**
 * What a resident sees after scanning the QR code on a printed card (党员名片): exactly what the
 * card prints. No member id, no ID number, no address; the phone only with the member's consent.
 */
export const publicMemberCardViewSchema = z.object({
  cardId: z.uuid(),
  name: z.string(),
  /** Post held (from a confirmed selection), else the recorded position, else 有职/无职党员. */
  post: z.string(),
  /** Only when the member consented (phoneOnCard); otherwise null. */
  phone: z.string().nullable(),
  serviceItems: z.array(z.object({ code: z.string(), label: z.string() })),
  pledgeText: z.string(),
  motto: z.string(),
});
export type PublicMemberCardView = z.infer<typeof publicMemberCardViewSchema>;
