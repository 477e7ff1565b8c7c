import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { businessDate, uuid } from '../../schema/primitives';
import { PAIRING_TOPICS } from './pairing.topics';

export const pledgeProgressUpdatedV1 = defineEvent({
  type: 'pairing.pledge.progress-updated',
  version: 1,
  topic: PAIRING_TOPICS.pledge,
  description: 'The member reported progress on a pledge (干部践诺).',
  schema: z.object({
    pledgeId: uuid,
    memberId: uuid,
    progressPercent: z.number().int().min(0).max(100),
    reportedOn: businessDate,
  }),
  example: {
    pledgeId: EXAMPLE_IDS.pledge,
    memberId: EXAMPLE_IDS.member,
    progressPercent: 60,
    reportedOn: '2026-07-01',
  },
});
