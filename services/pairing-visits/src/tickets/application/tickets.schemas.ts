import { schemaPrimitives } from '@lianxin/contracts';
import { z } from 'zod';
import {
  ESCALATION_LEVELS,
  SATISFACTIONS,
  TICKET_ACTIONS,
  TICKET_SOURCES,
  TICKET_STATUSES,
} from '../domain/ticket-status';

const text = (max: number) => z.string().trim().min(1).max(max);

export const receiveTicketBody = z
  .strictObject({
    source: z.enum(['walk_in', 'online']),
    category: schemaPrimitives.code,
    summary: text(2000),
    householdId: schemaPrimitives.uuid.optional(),
    /** Unit the request came to, when it concerns no single household. */
    unitId: schemaPrimitives.uuid.optional(),
    /** 首问负责: the member first asked; defaults to the caller for walk-ins, none for online. */
    firstAskedMemberId: schemaPrimitives.uuid.optional(),
  })
  .refine((value) => value.householdId !== undefined || value.unitId !== undefined, {
    message: 'give householdId or unitId',
    path: ['householdId'],
  });
export type ReceiveTicketInput = z.infer<typeof receiveTicketBody>;

export const hotlineTicketNo = z.string().regex(/^[A-Za-z0-9-]{1,40}$/);

export const hotlineIntakeBody = z.strictObject({
  /** The 96333 work-order number: the idempotency key of the intake. */
  hotlineTicketNo,
  category: schemaPrimitives.code,
  summary: text(2000),
  unitId: schemaPrimitives.uuid,
  householdId: schemaPrimitives.uuid.optional(),
  receivedAt: schemaPrimitives.utcTimestamp.optional(),
});
export type HotlineIntakeInput = z.infer<typeof hotlineIntakeBody>;

export const hotlineParams = z.strictObject({ hotlineTicketNo });

export const transitionBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('accept'), memberId: schemaPrimitives.uuid.optional() }),
  z.strictObject({ action: z.literal('start') }),
  z.strictObject({
    action: z.literal('escalate'),
    level: z.enum(ESCALATION_LEVELS),
    toUnitId: schemaPrimitives.uuid,
    reasonCode: schemaPrimitives.code,
    reason: text(1000),
  }),
  z.strictObject({
    action: z.literal('hand_off'),
    toMemberId: schemaPrimitives.uuid,
    reasonCode: schemaPrimitives.code,
    reason: text(1000),
  }),
  z.strictObject({ action: z.literal('accept_handoff'), memberId: schemaPrimitives.uuid.optional() }),
  z.strictObject({ action: z.literal('decline_handoff'), reason: text(1000) }),
  z.strictObject({
    action: z.literal('resolve'),
    resolutionCode: z.enum(['solved', 'partially_solved', 'explained', 'referred', 'not_feasible']),
    resolution: text(2000),
  }),
  z.strictObject({
    action: z.literal('give_feedback'),
    channel: z.enum(['in_person', 'phone', 'message', 'hotline']),
  }),
  z.strictObject({ action: z.literal('close'), satisfaction: z.enum([...SATISFACTIONS, 'none']) }),
]);
export type TransitionInput = z.infer<typeof transitionBody>;

export const listTicketsQuery = z.strictObject({
  status: z.enum(TICKET_STATUSES).optional(),
  source: z.enum(TICKET_SOURCES).optional(),
  ownerMemberId: schemaPrimitives.uuid.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListTicketsInput = z.infer<typeof listTicketsQuery>;

export const overdueQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type OverdueInput = z.infer<typeof overdueQuery>;

export const ticketResponse = z.object({
  id: z.string(),
  districtId: z.string(),
  orgPath: z.string(),
  source: z.enum(TICKET_SOURCES),
  hotlineTicketNo: z.string().nullable(),
  category: z.string(),
  summary: z.string(),
  householdId: z.string().nullable(),
  visitId: z.string().nullable(),
  status: z.enum(TICKET_STATUSES),
  allowedActions: z.array(z.enum([...TICKET_ACTIONS, 'hand_off'])),
  firstAskedMemberId: z.string().nullable(),
  ownerMemberId: z.string().nullable(),
  pendingHandoff: z
    .object({
      id: z.string(),
      toMemberId: z.string().nullable(),
      toUnitId: z.string().nullable(),
      level: z.string().nullable(),
      reason: z.string().nullable(),
    })
    .nullable(),
  receivedAt: z.string(),
  acceptDueAt: z.string(),
  resolveDueAt: z.string(),
  overdue: z.array(z.enum(['accept', 'resolve'])),
  resolvedAt: z.string().nullable(),
  resolutionCode: z.string().nullable(),
  resolution: z.string().nullable(),
  feedbackAt: z.string().nullable(),
  satisfaction: z.string().nullable(),
  closedAt: z.string().nullable(),
  history: z
    .array(
      z.object({
        action: z.string(),
        fromStatus: z.string().nullable(),
        toStatus: z.string(),
        actorId: z.string(),
        reason: z.string().nullable(),
        at: z.string(),
      }),
    )
    .optional(),
});
export type TicketView = z.infer<typeof ticketResponse>;
export const ticketListResponse = z.object({ items: z.array(ticketResponse), total: z.number().int() });
export type TicketListView = z.infer<typeof ticketListResponse>;

export const hotlineStatusResponse = z.object({
  hotlineTicketNo: z.string(),
  ticketId: z.string(),
  status: z.enum(TICKET_STATUSES),
  resolvedAt: z.string().nullable(),
  resolutionCode: z.string().nullable(),
  feedbackAt: z.string().nullable(),
  satisfaction: z.string().nullable(),
  closedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type HotlineStatusView = z.infer<typeof hotlineStatusResponse>;

export const slaRuleBody = z
  .strictObject({
    districtId: schemaPrimitives.uuid,
    acceptWithinHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 90),
    resolveWithinHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 365),
  })
  .refine((value) => value.resolveWithinHours >= value.acceptWithinHours, {
    message: 'resolution cannot be due before acceptance',
    path: ['resolveWithinHours'],
  });
export type SlaRuleInput = z.infer<typeof slaRuleBody>;
export const slaCategoryParams = z.strictObject({ category: schemaPrimitives.code });
export const slaRulesQuery = z.strictObject({ districtId: schemaPrimitives.uuid });
export const slaRulesResponse = z.object({
  districtId: z.string(),
  rules: z.array(
    z.object({
      category: z.string(),
      acceptWithinHours: z.number(),
      resolveWithinHours: z.number(),
      configured: z.boolean(),
    }),
  ),
});
export type SlaRulesView = z.infer<typeof slaRulesResponse>;
