import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { cadreRank } from '../../schema/enums';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { businessDate, uuid } from '../../schema/primitives';
import { PAIRING_TOPICS } from './pairing.topics';

export const pairingCreatedV1 = defineEvent({
  type: 'pairing.pairing.created',
  version: 1,
  topic: PAIRING_TOPICS.pairing,
  description:
    'A member/cadre was paired with a household (结对). Quotas depend on the cadre rank at pairing time.',
  schema: z.object({
    pairingId: uuid,
    memberId: uuid,
    householdId: uuid,
    cadreRank,
    selection: z
      .enum(['assigned', 'two_way'])
      .describe('`two_way`: chosen by both sides (004); `assigned`: by the branch or township.'),
    startedOn: businessDate,
    repairingTaskId: uuid.nullable().describe('Set when this pairing closes a re-pairing task.'),
  }),
  example: {
    pairingId: EXAMPLE_IDS.pairing,
    memberId: EXAMPLE_IDS.member,
    householdId: EXAMPLE_IDS.household,
    cadreRank: 'township_cadre',
    selection: 'two_way',
    startedOn: '2026-01-10',
    repairingTaskId: null,
  },
});
