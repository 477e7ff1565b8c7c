import { schemaPrimitives } from '@lianxin/contracts';
import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1).max(max);

export const recordGrassrootsDayBody = z.strictObject({
  /** Defaults to the caller. */
  cadreId: schemaPrimitives.uuid.optional(),
  servedOn: schemaPrimitives.businessDate,
  /** The village or township served, when it is a unit of the tree. */
  placeUnitId: schemaPrimitives.uuid.optional(),
  place: text(200),
  activity: text(1000),
  activityCode: schemaPrimitives.code.optional(),
  /** 住村/住乡: stayed overnight (township cadres' "days living in the township"). */
  stayedOvernight: z.boolean().default(false),
});
export type RecordGrassrootsDayInput = z.infer<typeof recordGrassrootsDayBody>;

export const grassrootsDayResponse = z.object({
  id: z.string(),
  cadreId: z.string(),
  servedOn: z.string(),
  placeUnitId: z.string().nullable(),
  place: z.string(),
  activity: z.string(),
  activityCode: z.string().nullable(),
  stayedOvernight: z.boolean(),
});
export type GrassrootsDayView = z.infer<typeof grassrootsDayResponse>;

export const grassrootsTotalsQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  cadreId: schemaPrimitives.uuid.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
export type GrassrootsTotalsInput = z.infer<typeof grassrootsTotalsQuery>;

export const grassrootsTotalsResponse = z.object({
  year: z.number().int(),
  items: z.array(z.object({ cadreId: z.string(), days: z.number().int(), nightsStayed: z.number().int() })),
});
export type GrassrootsTotalsView = z.infer<typeof grassrootsTotalsResponse>;
