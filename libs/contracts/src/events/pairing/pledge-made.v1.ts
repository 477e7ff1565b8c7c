import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { businessDate, code, uuid, year } from '../../schema/primitives';
import { PAIRING_TOPICS } from './pairing.topics';

export const pledgeMadeV1 = defineEvent({
  type: 'pairing.pledge.made',
  version: 1,
  topic: PAIRING_TOPICS.pledge,
  description:
    'A member pledged a practical thing for the year (自主承诺; 1–5 per member). The free-text content stays in the service.',
  schema: z.object({
    pledgeId: uuid,
    memberId: uuid,
    year,
    category: code,
    deadlineOn: businessDate,
    ordinal: z
      .number()
      .int()
      .min(1)
      .max(5)
      .describe('Position of this pledge among the member’s pledges for the year (1–5).'),
  }),
  example: {
    pledgeId: EXAMPLE_IDS.pledge,
    memberId: EXAMPLE_IDS.member,
    year: 2026,
    category: 'road_repair',
    deadlineOn: '2026-10-31',
    ordinal: 1,
  },
});
