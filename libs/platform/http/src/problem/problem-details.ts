import { z } from 'zod';

/** RFC 9457 problem details as every Lianxin service returns them. */
export const problemDetailsSchema = z.object({
  type: z.string().describe('URI identifying the problem kind, e.g. urn:lianxin:problem:not-found'),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().describe('Path of the request that failed'),
  correlationId: z.string(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  allowed: z.array(z.string()).optional().describe('409 only: the workflow steps allowed now'),
  rule: z.string().optional().describe('422 only: the business rule that was broken'),
});

export type ProblemDetails = z.infer<typeof problemDetailsSchema>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemType(slug: string): string {
  return `urn:lianxin:problem:${slug}`;
}
