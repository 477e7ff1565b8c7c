import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { uuid } from '../../schema/primitives';
import { PAIRING_TOPICS } from './pairing.topics';

export const ticketHandOffAcceptedV1 = defineEvent({
  type: 'pairing.ticket.hand-off-accepted',
  version: 1,
  topic: PAIRING_TOPICS.ticket,
  description: 'The other member accepted the hand-off and is now responsible for the ticket.',
  schema: z.object({ ticketId: uuid, handOffId: uuid, fromMemberId: uuid, toMemberId: uuid }),
  example: {
    ticketId: EXAMPLE_IDS.ticket,
    handOffId: EXAMPLE_IDS.handoff,
    fromMemberId: EXAMPLE_IDS.member,
    toMemberId: EXAMPLE_IDS.otherMember,
  },
});
