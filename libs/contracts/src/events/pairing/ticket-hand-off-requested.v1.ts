import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { code, uuid } from '../../schema/primitives';
import { PAIRING_TOPICS } from './pairing.topics';

export const ticketHandOffRequestedV1 = defineEvent({
  type: 'pairing.ticket.hand-off-requested',
  version: 1,
  topic: PAIRING_TOPICS.ticket,
  description:
    'The responsible member asked another member (whose post fits better) to take the ticket over.',
  schema: z.object({
    ticketId: uuid,
    handOffId: uuid,
    fromMemberId: uuid,
    toMemberId: uuid,
    reasonCode: code,
  }),
  example: {
    ticketId: EXAMPLE_IDS.ticket,
    handOffId: EXAMPLE_IDS.handoff,
    fromMemberId: EXAMPLE_IDS.member,
    toMemberId: EXAMPLE_IDS.otherMember,
    reasonCode: 'outside_post_duties',
  },
});
