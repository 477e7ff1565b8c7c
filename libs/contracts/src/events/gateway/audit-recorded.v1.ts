import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { actorRole } from '../../schema/enums';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { utcTimestamp, uuid } from '../../schema/primitives';
import { GATEWAY_TOPICS } from './gateway.topics';

export const auditRecordedV1 = defineEvent({
  type: 'gateway.audit.recorded',
  version: 1,
  topic: GATEWAY_TOPICS.audit,
  description:
    'The gateway handled an audited request. `path` is the route path without query string (queries may hold search terms such as phone numbers); `clientAddress` is the operator’s IP address, not a resident’s.',
  schema: z.object({
    auditId: uuid,
    actorId: z.string().min(1).max(128),
    role: actorRole,
    scope: z
      .string()
      .regex(/^\/(?:[a-z0-9][a-z0-9-]{0,39}\/)*$/)
      .describe("Actor's org scope (`/` for system work)."),
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
    path: z
      .string()
      .regex(/^\/[^?#\s]*$/)
      .max(512),
    targetIds: z
      .array(uuid)
      .max(100)
      .describe('Ids the request addressed (path parameters and created ids).'),
    status: z.number().int().min(100).max(599),
    correlationId: z.string().min(1).max(128),
    clientAddress: z.union([z.ipv4(), z.ipv6()]),
    at: utcTimestamp,
  }),
  example: {
    auditId: EXAMPLE_IDS.audit,
    actorId: 'u-district-admin-xihu',
    role: 'district_admin',
    scope: '/hz/xihu/',
    method: 'POST',
    path: '/api/v1/members',
    targetIds: [EXAMPLE_IDS.member],
    status: 201,
    correlationId: 'c0a8012e-7f3c-4d2a-9b1e-3c5d7e9f1a2b',
    clientAddress: '10.20.30.40',
    at: '2026-03-14T02:15:30.000Z',
  },
});
