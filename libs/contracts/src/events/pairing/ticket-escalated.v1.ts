import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { escalationLevel } from '../../schema/enums';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { code, uuid } from '../../schema/primitives';
import { PAIRING_TOPICS } from './pairing.topics';

export const ticketEscalatedV1 = defineEvent({
  type: 'pairing.ticket.escalated',
  version: 1,
  topic: PAIRING_TOPICS.ticket,
  description: 'A ticket beyond the member’s post was escalated to the branch or the township (002).',
  schema: z.object({ ticketId: uuid, level: escalationLevel, toUnitId: uuid, reasonCode: code }),
  example: {
    ticketId: EXAMPLE_IDS.ticket,
    level: 'branch',
    toUnitId: EXAMPLE_IDS.branch,
    reasonCode: 'needs_funding',
  },
});
