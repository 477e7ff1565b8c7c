import { schemaPrimitives } from '@lianxin/contracts';
import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1).max(max);

export const recordPracticalMatterBody = z.strictObject({
  /** Defaults to the caller. */
  memberId: schemaPrimitives.uuid.optional(),
  /** Beneficiary household; omit for a matter done for a whole village (a road, a well). */
  householdId: schemaPrimitives.uuid.optional(),
  category: schemaPrimitives.code,
  summary: text(1000),
  /** References to evidence (document numbers, photo ids in the archive): at least one. */
  evidence: z.array(text(500)).min(1).max(10),
  doneOn: schemaPrimitives.businessDate,
});
export type RecordPracticalMatterInput = z.infer<typeof recordPracticalMatterBody>;

export const practicalMatterResponse = z.object({
  id: z.string(),
  memberId: z.string(),
  householdId: z.string().nullable(),
  category: z.string(),
  summary: z.string(),
  evidence: z.array(z.string()),
  doneOn: z.string(),
  visitId: z.string().nullable(),
});
export type PracticalMatterView = z.infer<typeof practicalMatterResponse>;

export const practicalMatterCountsQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  groupBy: z.enum(['member', 'unit']).default('member'),
  orgPath: schemaPrimitives.orgPath.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
export type PracticalMatterCountsInput = z.infer<typeof practicalMatterCountsQuery>;

export const practicalMatterCountsResponse = z.object({
  year: z.number().int(),
  groupBy: z.enum(['member', 'unit']),
  total: z.number().int(),
  items: z.array(
    z.object({
      key: z.string(),
      /** Practical matters done: recorded ones plus tickets the member resolved as solved or partially solved. */
      matters: z.number().int(),
      /** Recorded as practical matters (from a visit's `mattersDone` or on their own). */
      recorded: z.number().int(),
      /** Tickets (社情民意) the member resolved as solved or partially solved: counted from the ticket, never entered twice. */
      fromTickets: z.number().int(),
      households: z.number().int(),
    }),
  ),
});
export type PracticalMatterCountsView = z.infer<typeof practicalMatterCountsResponse>;
