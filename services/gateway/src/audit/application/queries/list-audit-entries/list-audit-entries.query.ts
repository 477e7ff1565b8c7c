import { z } from 'zod';
import { AUDITED_METHODS } from '../../../domain/audit-entry';

const instant = z.iso.datetime({ offset: true });

export const listAuditEntriesQuerySchema = z.strictObject({
  actorId: z.string().min(1).max(128).optional(),
  from: instant.optional().describe('Inclusive lower bound of the time the request was handled'),
  to: instant.optional().describe('Exclusive upper bound'),
  method: z.enum(AUDITED_METHODS).optional(),
  status: z.coerce.number().int().min(100).max(599).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/)
    .optional()
    .describe('`nextCursor` of the previous page'),
});

export type ListAuditEntriesQuery = z.infer<typeof listAuditEntriesQuerySchema>;

export const auditEntryDtoSchema = z.object({
  id: z.string(),
  occurredAt: z.string(),
  actorId: z.string(),
  actorRole: z.string(),
  actorScope: z.string(),
  districtId: z.string().nullable(),
  method: z.string(),
  path: z.string(),
  targetIds: z.array(z.string()),
  status: z.number().int(),
  correlationId: z.string(),
  clientAddress: z.string(),
});

export const auditEntryPageSchema = z.object({
  items: z.array(auditEntryDtoSchema),
  nextCursor: z.string().nullable(),
});

export type AuditEntryDto = z.infer<typeof auditEntryDtoSchema>;
export type AuditEntryPage = z.infer<typeof auditEntryPageSchema>;
