import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { ticketSource } from '../../schema/enums';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { businessDate, code, uuid } from '../../schema/primitives';
import { PAIRING_TOPICS } from './pairing.topics';

export const ticketReceivedV1 = defineEvent({
  type: 'pairing.ticket.received',
  version: 1,
  topic: PAIRING_TOPICS.ticket,
  description:
    'A public-sentiment ticket (社情民意) was received. The resident and the text of the request stay in the service.',
  schema: z.object({
    ticketId: uuid,
    source: ticketSource,
    category: code,
    householdId: uuid.nullable(),
    visitId: uuid.nullable(),
    hotlineTicketNo: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,40}$/)
      .describe(
        "The hotline's own reference (e.g. 96333 work order number) for reconciliation; not personal.",
      )
      .optional(),
    receivedByMemberId: uuid
      .nullable()
      .describe('Member who was first asked (首问负责); null for hotline/online intake not yet assigned.'),
    responseDueOn: businessDate,
  }),
  example: {
    ticketId: EXAMPLE_IDS.ticket,
    source: 'hotline',
    category: 'road_repair',
    householdId: EXAMPLE_IDS.household,
    visitId: null,
    hotlineTicketNo: '96333-20260314-0042',
    receivedByMemberId: null,
    responseDueOn: '2026-03-21',
  },
});
