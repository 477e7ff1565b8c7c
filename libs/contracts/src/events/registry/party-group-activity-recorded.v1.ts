import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { businessDate, code, count, uuid } from '../../schema/primitives';
import { REGISTRY_TOPICS } from './registry.topics';

export const partyGroupActivityRecordedV1 = defineEvent({
  type: 'registry.party-group.activity-recorded',
  version: 1,
  topic: REGISTRY_TOPICS.partyGroup,
  description: 'A Party group held an activity (at least one a month is expected, 000).',
  schema: z.object({
    partyGroupId: uuid,
    activityId: uuid,
    heldOn: businessDate,
    topicCode: code.nullable(),
    attendeeCount: count,
  }),
  example: {
    partyGroupId: EXAMPLE_IDS.partyGroup,
    activityId: EXAMPLE_IDS.activity,
    heldOn: '2026-03-12',
    topicCode: 'dispute_mediation',
    attendeeCount: 7,
  },
});
