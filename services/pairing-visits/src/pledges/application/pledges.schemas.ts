import { schemaPrimitives } from '@lianxin/contracts';
import { z } from 'zod';
import { PLEDGE_RATINGS, PLEDGE_STATUSES } from '../domain/pledge-rules';

const text = (max: number) => z.string().trim().min(1).max(max);
const year = z.coerce.number().int().min(2000).max(2100);

export const makePledgeBody = z.strictObject({
  memberId: schemaPrimitives.uuid.optional(),
  year: z.number().int().min(2000).max(2100),
  category: schemaPrimitives.code,
  content: text(1000),
  deadline: schemaPrimitives.businessDate,
  qualityStandard: text(1000),
  householdIds: z.array(schemaPrimitives.uuid).max(50).default([]),
});
export type MakePledgeInput = z.infer<typeof makePledgeBody>;

export const publishPledgeBody = z.strictObject({
  /** The board (unit) it is shown on; defaults to the member's branch. */
  boardUnitId: schemaPrimitives.uuid.optional(),
});
export type PublishPledgeInput = z.infer<typeof publishPledgeBody>;

export const pledgeProgressBody = z.strictObject({
  percent: z.number().int().min(0).max(99),
  note: text(1000),
});
export type PledgeProgressInput = z.infer<typeof pledgeProgressBody>;

export const fulfilPledgeBody = z.strictObject({
  evidence: z.array(text(500)).min(1).max(10),
  fulfilledOn: schemaPrimitives.businessDate.optional(),
});
export type FulfilPledgeInput = z.infer<typeof fulfilPledgeBody>;

export const evaluatePledgeBody = z.strictObject({
  rating: z.enum(PLEDGE_RATINGS),
  evaluatorKind: z.enum(['resident', 'resident_representative', 'member']).default('resident'),
  /** The resident's words, kept here; never published in events. */
  comment: text(1000).optional(),
  evaluatedOn: schemaPrimitives.businessDate.optional(),
});
export type EvaluatePledgeInput = z.infer<typeof evaluatePledgeBody>;

export const yearEndReportBody = z.strictObject({
  memberId: schemaPrimitives.uuid.optional(),
  year: z.number().int().min(2000).max(2100),
  summary: text(8000),
});
export type YearEndReportInput = z.infer<typeof yearEndReportBody>;

export const listPledgesQuery = z.strictObject({
  memberId: schemaPrimitives.uuid.optional(),
  year: year.optional(),
  status: z.enum(PLEDGE_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListPledgesInput = z.infer<typeof listPledgesQuery>;

export const yearEndReportParams = z.strictObject({ memberId: schemaPrimitives.uuid });
export const yearEndReportQuery = z.strictObject({ year });

export const ratingSummary = z.object({
  satisfied: z.number().int(),
  basically: z.number().int(),
  unsatisfied: z.number().int(),
  satisfactionRate: z.number().nullable(),
});

export const pledgeResponse = z.object({
  id: z.string(),
  memberId: z.string(),
  year: z.number().int(),
  ordinal: z.number().int(),
  category: z.string(),
  content: z.string(),
  deadline: z.string(),
  qualityStandard: z.string(),
  householdIds: z.array(z.string()),
  status: z.enum(PLEDGE_STATUSES),
  progressPercent: z.number().int(),
  progressNotes: z.array(z.object({ percent: z.number(), note: z.string(), reportedOn: z.string() })),
  evidence: z.array(z.string()).nullable(),
  publishedOn: z.string().nullable(),
  fulfilledOn: z.string().nullable(),
  evaluations: ratingSummary.optional(),
});
export type PledgeView = z.infer<typeof pledgeResponse>;
export const pledgeListResponse = z.object({ items: z.array(pledgeResponse), total: z.number().int() });
export type PledgeListView = z.infer<typeof pledgeListResponse>;

export const yearEndReportResponse = z.object({
  memberId: z.string(),
  year: z.number().int(),
  pledges: z.array(pledgeResponse),
  fulfilled: z.number().int(),
  fulfilledOnTime: z.number().int(),
  evaluations: ratingSummary,
  report: z.object({ summary: z.string(), submittedAt: z.string() }).nullable(),
});
export type YearEndReportView = z.infer<typeof yearEndReportResponse>;
