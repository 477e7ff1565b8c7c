import { schemaPrimitives } from '@lianxin/contracts';
import { z } from 'zod';

export const createPairingBody = z.strictObject({
  householdId: schemaPrimitives.uuid,
  cadreId: schemaPrimitives.uuid,
  /** `two_way`: chosen by both sides (004); `assigned`: by the branch or township. */
  selection: z.enum(['assigned', 'two_way']).default('assigned'),
  startedOn: schemaPrimitives.businessDate.optional(),
});
export type CreatePairingInput = z.infer<typeof createPairingBody>;

export const endPairingBody = z.strictObject({
  reasonCode: z.enum(['household_left', 'hardship_resolved', 'reassigned', 'other']),
});
export type EndPairingInput = z.infer<typeof endPairingBody>;

export const idParams = z.strictObject({ id: schemaPrimitives.uuid });

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
};

export const listPairingsQuery = z.strictObject({
  cadreId: schemaPrimitives.uuid.optional(),
  householdId: schemaPrimitives.uuid.optional(),
  status: z.enum(['active', 'ended']).optional(),
  ...pageQuery,
});
export type ListPairingsInput = z.infer<typeof listPairingsQuery>;

export const pairingResponse = z.object({
  id: z.string(),
  districtId: z.string(),
  orgPath: z.string(),
  householdId: z.string(),
  cadreId: z.string(),
  cadreRank: z.string(),
  selection: z.string(),
  status: z.enum(['active', 'ended']),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
});
export type PairingView = z.infer<typeof pairingResponse>;

export const pairingListResponse = z.object({ items: z.array(pairingResponse), total: z.number().int() });

export const coverageQuery = z.strictObject({
  orgPath: schemaPrimitives.orgPath.optional(),
  ...pageQuery,
});
export type CoverageInput = z.infer<typeof coverageQuery>;

export const coverageResponse = z.object({
  orgPath: z.string(),
  householdsToCover: z.number().int(),
  covered: z.number().int(),
  uncovered: z.number().int(),
  coverageRate: z.number().nullable(),
  items: z.array(
    z.object({
      householdId: z.string(),
      orgPath: z.string(),
      reasons: z.array(z.enum(['hardship', 'migrant_member'])),
      openRepairingTaskId: z.string().nullable(),
    }),
  ),
});
export type CoverageView = z.infer<typeof coverageResponse>;

export const suggestionQuery = z.strictObject({
  orgPath: schemaPrimitives.orgPath.optional(),
  /** Ordinary members (no cadre rank) may take households too (001 §3.7); off by default. */
  includeOrdinaryMembers: z.stringbool().default(false),
});
export type SuggestionInput = z.infer<typeof suggestionQuery>;

export const suggestionResponse = z.object({
  orgPath: z.string(),
  fullCoverage: z.boolean(),
  suggestions: z.array(
    z.object({
      householdId: z.string(),
      cadreId: z.string(),
      proximity: z.enum(['same_village', 'same_township', 'same_district']),
    }),
  ),
  unassigned: z.array(z.string()),
});
export type SuggestionView = z.infer<typeof suggestionResponse>;

export const repairingTasksQuery = z.strictObject({
  status: z.enum(['open', 'done']).default('open'),
  ...pageQuery,
});
export type RepairingTasksInput = z.infer<typeof repairingTasksQuery>;

export const repairingTaskResponse = z.object({
  id: z.string(),
  householdId: z.string(),
  orgPath: z.string(),
  previousPairingId: z.string().nullable(),
  previousCadreId: z.string().nullable(),
  reason: z.string(),
  status: z.string(),
  dueOn: z.string(),
  resolvedPairingId: z.string().nullable(),
});
export const repairingTaskListResponse = z.object({
  items: z.array(repairingTaskResponse),
  total: z.number().int(),
});
export type RepairingTaskListView = z.infer<typeof repairingTaskListResponse>;
