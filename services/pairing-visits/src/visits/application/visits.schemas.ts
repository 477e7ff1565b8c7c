import { schemaPrimitives } from '@lianxin/contracts';
import { z } from 'zod';
import { VISIT_KINDS } from '../domain/visit-rules';

const text = (max: number) => z.string().trim().min(1).max(max);

export const logVisitBody = z.strictObject({
  householdId: schemaPrimitives.uuid,
  /** Defaults to the caller (members log their own visits). */
  cadreId: schemaPrimitives.uuid.optional(),
  visitDate: schemaPrimitives.businessDate,
  kind: z.enum(VISIT_KINDS),
  /** What was heard (民情): stays in this service, never in events. */
  heard: text(4000),
  /** Problems raised become sentiment tickets owned by the visiting cadre (首问负责). */
  problemsRaised: z
    .array(z.strictObject({ category: schemaPrimitives.code, summary: text(1000) }))
    .max(20)
    .default([]),
  /** Matters done on the visit become practical-matter records for the household. */
  mattersDone: z
    .array(
      z.strictObject({
        category: schemaPrimitives.code,
        summary: text(1000),
        evidence: z.array(text(500)).max(10).default([]),
      }),
    )
    .max(20)
    .default([]),
});
export type LogVisitInput = z.infer<typeof logVisitBody>;

export const editVisitBody = z
  .strictObject({
    kind: z.enum(VISIT_KINDS).optional(),
    visitDate: schemaPrimitives.businessDate.optional(),
    heard: text(4000).optional(),
  })
  .refine((value) => Object.keys(value).length > 0, 'change at least one field');
export type EditVisitInput = z.infer<typeof editVisitBody>;

export const correctVisitBody = z.strictObject({
  changes: editVisitBody,
  reasonCode: schemaPrimitives.code,
  note: text(1000).optional(),
});
export type CorrectVisitInput = z.infer<typeof correctVisitBody>;

export const listVisitsQuery = z.strictObject({
  cadreId: schemaPrimitives.uuid.optional(),
  householdId: schemaPrimitives.uuid.optional(),
  from: schemaPrimitives.businessDate.optional(),
  to: schemaPrimitives.businessDate.optional(),
  flagged: z.stringbool().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListVisitsInput = z.infer<typeof listVisitsQuery>;

export const visitResponse = z.object({
  id: z.string(),
  districtId: z.string(),
  orgPath: z.string(),
  householdId: z.string(),
  cadreId: z.string(),
  pairingId: z.string().nullable(),
  visitDate: z.string(),
  kind: z.enum(VISIT_KINDS),
  heard: z.string(),
  problemsRaised: z.number().int(),
  mattersDone: z.number().int(),
  confirmation: z.enum(['unchecked', 'confirmed', 'not_confirmed', 'unreachable']),
  flagged: z.boolean(),
  countsTowardQuota: z.boolean(),
  editableUntil: z.string(),
  recordedAt: z.string(),
  ticketIds: z.array(z.string()).optional(),
  practicalMatterIds: z.array(z.string()).optional(),
  corrections: z
    .array(
      z.object({
        id: z.string(),
        previous: z.record(z.string(), z.string()),
        next: z.record(z.string(), z.string()),
        reasonCode: z.string(),
        note: z.string().nullable(),
        correctedBy: z.string(),
        correctedAt: z.string(),
      }),
    )
    .optional(),
});
export type VisitView = z.infer<typeof visitResponse>;
export const visitListResponse = z.object({ items: z.array(visitResponse), total: z.number().int() });
export type VisitListView = z.infer<typeof visitListResponse>;
