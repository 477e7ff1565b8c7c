import { schemaPrimitives } from '@lianxin/contracts';
import { z } from 'zod';
import { CADRE_RANKS } from '../domain/cadre-rank';

const target = z.number().int().min(0).max(366).nullable();

export const rankQuotaSchema = z.strictObject({
  minHouseholds: z.number().int().min(0).max(100),
  maxHouseholds: z.number().int().min(0).max(100).nullable(),
  visits: target,
  problemsSolved: target,
  grassrootsDays: target,
});

export const quotaRulesSchema = z.strictObject(
  Object.fromEntries(CADRE_RANKS.map((rank) => [rank, rankQuotaSchema])) as Record<
    (typeof CADRE_RANKS)[number],
    typeof rankQuotaSchema
  >,
);

export const publishQuotaRulesBody = z.strictObject({
  districtId: schemaPrimitives.uuid,
  effectiveFrom: schemaPrimitives.businessDate,
  rules: quotaRulesSchema,
});
export type PublishQuotaRulesInput = z.infer<typeof publishQuotaRulesBody>;

export const getQuotaRulesQuery = z.strictObject({
  districtId: schemaPrimitives.uuid,
  onDate: schemaPrimitives.businessDate.optional(),
});
export type GetQuotaRulesInput = z.infer<typeof getQuotaRulesQuery>;

export const quotaRuleSetResponse = z.object({
  districtId: z.string().nullable(),
  version: z.number().int(),
  effectiveFrom: z.string(),
  isDefault: z.boolean(),
  rules: quotaRulesSchema,
});
export type QuotaRuleSetView = z.infer<typeof quotaRuleSetResponse>;
