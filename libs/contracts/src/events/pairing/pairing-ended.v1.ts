import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { businessDate, uuid } from '../../schema/primitives';
import { PAIRING_TOPICS } from './pairing.topics';

export const pairingEndedV1 = defineEvent({
  type: 'pairing.pairing.ended',
  version: 1,
  topic: PAIRING_TOPICS.pairing,
  description: 'A pairing ended. Unless the household no longer needs help, a re-pairing task follows.',
  schema: z.object({
    pairingId: uuid,
    memberId: uuid,
    householdId: uuid,
    endedOn: businessDate,
    reasonCode: z.enum([
      'member_transferred',
      'member_deactivated',
      'household_left',
      'hardship_resolved',
      'reassigned',
      'other',
    ]),
  }),
  example: {
    pairingId: EXAMPLE_IDS.pairing,
    memberId: EXAMPLE_IDS.member,
    householdId: EXAMPLE_IDS.household,
    endedOn: '2026-04-15',
    reasonCode: 'member_transferred',
  },
});
