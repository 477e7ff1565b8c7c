import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { businessDate, uuid } from '../../schema/primitives';
import { PAIRING_TOPICS } from './pairing.topics';

export const ticketFeedbackGivenV1 = defineEvent({
  type: 'pairing.ticket.feedback-given',
  version: 1,
  topic: PAIRING_TOPICS.ticket,
  description: 'The result was fed back to the resident who raised the ticket (required before closing).',
  schema: z.object({
    ticketId: uuid,
    memberId: uuid,
    channel: z.enum(['in_person', 'phone', 'message', 'hotline']),
    givenOn: businessDate,
  }),
  example: {
    ticketId: EXAMPLE_IDS.ticket,
    memberId: EXAMPLE_IDS.otherMember,
    channel: 'in_person',
    givenOn: '2026-03-19',
  },
});
