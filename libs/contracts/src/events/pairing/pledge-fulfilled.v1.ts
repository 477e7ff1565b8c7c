import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { businessDate, uuid } from '../../schema/primitives';
import { PAIRING_TOPICS } from './pairing.topics';

export const pledgeFulfilledV1 = defineEvent({
  type: 'pairing.pledge.fulfilled',
  version: 1,
  topic: PAIRING_TOPICS.pledge,
  description: 'The pledge was fulfilled; `onTime` compares the fulfilment date with the deadline.',
  schema: z.object({ pledgeId: uuid, memberId: uuid, fulfilledOn: businessDate, onTime: z.boolean() }),
  example: {
    pledgeId: EXAMPLE_IDS.pledge,
    memberId: EXAMPLE_IDS.member,
    fulfilledOn: '2026-09-15',
    onTime: true,
  },
});
