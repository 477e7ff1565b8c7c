import { schemaPrimitives } from '@lianxin/contracts';
import { z } from 'zod';

const year = z.coerce.number().int().min(2000).max(2100);

export const cadreProgressParams = z.strictObject({ cadreId: schemaPrimitives.uuid });
export const cadreProgressQuery = z.strictObject({
  year: year.optional(),
  asOf: schemaPrimitives.businessDate.optional(),
});
export type CadreProgressInput = z.infer<typeof cadreProgressQuery>;

export const earlyWarningQuery = z.strictObject({
  year: year.optional(),
  asOf: schemaPrimitives.businessDate.optional(),
  orgPath: schemaPrimitives.orgPath.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
export type EarlyWarningInput = z.infer<typeof earlyWarningQuery>;

export const rollupQuery = z.strictObject({
  year: year.optional(),
  asOf: schemaPrimitives.businessDate.optional(),
  orgPath: schemaPrimitives.orgPath.optional(),
});
export type RollupInput = z.infer<typeof rollupQuery>;

const metric = z.object({
  actual: z.number().int(),
  target: z.number().int().nullable(),
  expectedByNow: z.number().int().nullable(),
  met: z.boolean(),
  behind: z.boolean(),
});

export const cadreProgressResponse = z.object({
  cadreId: z.string(),
  orgPath: z.string(),
  cadreRank: z.string(),
  year: z.number().int(),
  asOf: z.string(),
  rulesVersion: z.number().int(),
  visits: metric,
  problemsSolved: metric,
  grassrootsDays: metric,
  behindSchedule: z.boolean(),
  complete: z.boolean(),
});
export type CadreProgressView = z.infer<typeof cadreProgressResponse>;

export const earlyWarningResponse = z.object({
  year: z.number().int(),
  asOf: z.string(),
  cadresChecked: z.number().int(),
  behind: z.number().int(),
  items: z.array(cadreProgressResponse),
});
export type EarlyWarningView = z.infer<typeof earlyWarningResponse>;

export const rollupResponse = z.object({
  year: z.number().int(),
  asOf: z.string(),
  orgPath: z.string(),
  units: z.array(
    z.object({
      orgPath: z.string(),
      unitName: z.string().nullable(),
      cadres: z.number().int(),
      behind: z.number().int(),
      complete: z.number().int(),
      visits: z.number().int(),
      problemsSolved: z.number().int(),
      grassrootsDays: z.number().int(),
    }),
  ),
});
export type RollupView = z.infer<typeof rollupResponse>;
