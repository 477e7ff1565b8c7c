import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { businessDate, count, uuid } from '../../schema/primitives';
import { PAIRING_TOPICS } from './pairing.topics';

export const spotCheckDrawnV1 = defineEvent({
  type: 'pairing.spot-check.drawn',
  version: 1,
  topic: PAIRING_TOPICS.spotCheck,
  description:
    'A random sample of visits was drawn for call-backs (随机抽查). The seed makes the draw reproducible for auditors.',
  schema: z.object({
    spotCheckId: uuid,
    unitId: uuid,
    seed: z.string().min(1).max(128),
    share: z.number().gt(0).lte(1).describe('Share of the population sampled, 0 < share ≤ 1.'),
    periodFrom: businessDate,
    periodTo: businessDate,
    populationSize: count,
    sampleSize: count,
    visitIds: z.array(uuid),
  }),
  example: {
    spotCheckId: EXAMPLE_IDS.spotCheck,
    unitId: EXAMPLE_IDS.township,
    seed: 'a3f1c2d4e5b60718',
    share: 0.1,
    periodFrom: '2026-03-01',
    periodTo: '2026-03-31',
    populationSize: 10,
    sampleSize: 1,
    visitIds: [EXAMPLE_IDS.visit],
  },
});
