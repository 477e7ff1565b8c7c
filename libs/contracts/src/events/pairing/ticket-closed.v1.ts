import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { satisfaction } from '../../schema/enums';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { count, uuid } from '../../schema/primitives';
import { PAIRING_TOPICS } from './pairing.topics';

export const ticketClosedV1 = defineEvent({
  type: 'pairing.ticket.closed',
  version: 1,
  topic: PAIRING_TOPICS.ticket,
  description:
    'The ticket was closed with the resident’s satisfaction (`none` when not given). Handling time feeds hotline efficiency scores.',
  schema: z.object({
    ticketId: uuid,
    satisfaction,
    handlingMinutes: count.describe('Whole minutes from received to closed.'),
    withinDeadline: z.boolean(),
  }),
  example: {
    ticketId: EXAMPLE_IDS.ticket,
    satisfaction: 'satisfied',
    handlingMinutes: 7200,
    withinDeadline: true,
  },
});
