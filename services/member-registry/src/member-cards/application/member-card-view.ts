import { z } from 'zod';

export const memberCardViewSchema = z.object({
  cardId: z.uuid(),
  memberId: z.uuid(),
  name: z.string(),
  /** Post held (from a confirmed selection), else the recorded position, else 有职/无职党员. */
  post: z.string(),
  /** Only when the member consented (phoneOnCard). */
  phone: z.string().nullable(),
  serviceItems: z.array(z.object({ code: z.string(), label: z.string() })),
  pledgeText: z.string(),
  motto: z.string(),
  /** What the QR code on the printed card points to. */
  qrUrl: z.url(),
  publishedOn: z.string(),
});
export type MemberCardView = z.infer<typeof memberCardViewSchema>;
