import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { uuid } from '../../schema/primitives';
import { PAIRING_TOPICS } from './pairing.topics';

export const ticketAcceptedV1 = defineEvent({
  type: 'pairing.ticket.accepted',
  version: 1,
  topic: PAIRING_TOPICS.ticket,
  description: 'A member took first-inquiry responsibility (首问负责制) for a ticket.',
  schema: z.object({ ticketId: uuid, memberId: uuid, postId: uuid.nullable() }),
  example: { ticketId: EXAMPLE_IDS.ticket, memberId: EXAMPLE_IDS.member, postId: EXAMPLE_IDS.post },
});
