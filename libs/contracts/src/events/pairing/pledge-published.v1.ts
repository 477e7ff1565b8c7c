import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { businessDate, uuid } from '../../schema/primitives';
import { PAIRING_TOPICS } from './pairing.topics';

export const pledgePublishedV1 = defineEvent({
  type: 'pairing.pledge.published',
  version: 1,
  topic: PAIRING_TOPICS.pledge,
  description: 'The pledge was shown publicly (集中亮诺) on a unit’s board.',
  schema: z.object({ pledgeId: uuid, memberId: uuid, boardUnitId: uuid, publishedOn: businessDate }),
  example: {
    pledgeId: EXAMPLE_IDS.pledge,
    memberId: EXAMPLE_IDS.member,
    boardUnitId: EXAMPLE_IDS.village,
    publishedOn: '2026-02-01',
  },
});
