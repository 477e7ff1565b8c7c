import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { code, uuid } from '../../schema/primitives';
import { PAIRING_TOPICS } from './pairing.topics';

export const ticketResolvedV1 = defineEvent({
  type: 'pairing.ticket.resolved',
  version: 1,
  topic: PAIRING_TOPICS.ticket,
  description: 'The ticket was handled; the result still has to be fed back to the resident.',
  schema: z.object({
    ticketId: uuid,
    resolvedByMemberId: uuid,
    resolutionCode: z.enum(['solved', 'partially_solved', 'explained', 'referred', 'not_feasible']),
    practicalMatterId: uuid.nullable(),
    categoryCode: code.optional(),
  }),
  example: {
    ticketId: EXAMPLE_IDS.ticket,
    resolvedByMemberId: EXAMPLE_IDS.otherMember,
    resolutionCode: 'solved',
    practicalMatterId: EXAMPLE_IDS.practicalMatter,
  },
});
