import { schemaPrimitives } from '@lianxin/contracts';
import { z } from 'zod';
import { CALL_BACK_RESULTS } from '../domain/sampling';

export const drawSpotCheckBody = z
  .strictObject({
    unitId: schemaPrimitives.uuid,
    periodFrom: schemaPrimitives.businessDate,
    periodTo: schemaPrimitives.businessDate,
    /**
     * Share of the unit's visits to call back, 0.0001 ≤ share ≤ 1 (default from configuration).
     * Kept to four decimals, so a smaller share would be stored, and redrawn, as none.
     */
    share: z.number().gte(0.0001).lte(1).optional(),
    /** Give a seed to repeat a draw; omitted, a random one is generated and recorded. */
    seed: z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,128}$/)
      .optional(),
  })
  .refine((value) => value.periodFrom <= value.periodTo, {
    message: 'periodFrom must not be after periodTo',
    path: ['periodTo'],
  });
export type DrawSpotCheckInput = z.infer<typeof drawSpotCheckBody>;

export const callBackBody = z.strictObject({
  visitId: schemaPrimitives.uuid,
  result: z.enum(CALL_BACK_RESULTS),
  note: z.string().trim().min(1).max(1000).optional(),
});
export type CallBackInput = z.infer<typeof callBackBody>;

export const spotCheckResponse = z.object({
  id: z.string(),
  unitId: z.string(),
  orgPath: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  share: z.number(),
  seed: z.string(),
  populationSize: z.number().int(),
  populationDigest: z.string(),
  sampleSize: z.number().int(),
  drawnBy: z.string(),
  drawnAt: z.string(),
  items: z.array(
    z.object({
      visitId: z.string(),
      householdId: z.string(),
      result: z.enum(CALL_BACK_RESULTS).nullable(),
      note: z.string().nullable(),
      calledAt: z.string().nullable(),
    }),
  ),
});
export type SpotCheckView = z.infer<typeof spotCheckResponse>;

export const verifyResponse = z.object({
  spotCheckId: z.string(),
  populationMatches: z.boolean(),
  reproduced: z.boolean(),
  redrawnVisitIds: z.array(z.string()),
});
export type VerifyView = z.infer<typeof verifyResponse>;
