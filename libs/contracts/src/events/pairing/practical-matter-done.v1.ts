import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { businessDate, code, uuid } from '../../schema/primitives';
import { PAIRING_TOPICS } from './pairing.topics';

export const practicalMatterDoneV1 = defineEvent({
  type: 'pairing.practical-matter.done',
  version: 1,
  topic: PAIRING_TOPICS.practicalMatter,
  description: 'A member did a practical matter for residents (办实事); counted per member and unit.',
  schema: z.object({
    practicalMatterId: uuid,
    memberId: uuid,
    unitId: uuid,
    householdId: uuid.nullable(),
    category: code,
    doneOn: businessDate,
    visitId: uuid.nullable(),
    ticketId: uuid.nullable(),
  }),
  example: {
    practicalMatterId: EXAMPLE_IDS.practicalMatter,
    memberId: EXAMPLE_IDS.member,
    unitId: EXAMPLE_IDS.village,
    householdId: EXAMPLE_IDS.household,
    category: 'housing_repair',
    doneOn: '2026-03-20',
    visitId: EXAMPLE_IDS.visit,
    ticketId: EXAMPLE_IDS.ticket,
  },
});
