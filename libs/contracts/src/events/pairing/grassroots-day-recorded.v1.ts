import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { businessDate, code, uuid } from '../../schema/primitives';
import { PAIRING_TOPICS } from './pairing.topics';

export const grassrootsDayRecordedV1 = defineEvent({
  type: 'pairing.grassroots-day.recorded',
  version: 1,
  topic: PAIRING_TOPICS.grassrootsDay,
  description:
    'A cadre spent a day at the grassroots (≥ 100 days a year for county leaders and department heads; township cadres live in the township).',
  schema: z.object({
    grassrootsDayId: uuid,
    memberId: uuid,
    unitId: uuid,
    servedOn: businessDate,
    stayedOvernight: z
      .boolean()
      .describe('True when the cadre also stayed overnight (住村), counted for township cadres.'),
    activityCode: code.nullable(),
  }),
  example: {
    grassrootsDayId: EXAMPLE_IDS.grassrootsDay,
    memberId: EXAMPLE_IDS.member,
    unitId: EXAMPLE_IDS.village,
    servedOn: '2026-03-14',
    stayedOvernight: true,
    activityCode: 'visit_round',
  },
});
