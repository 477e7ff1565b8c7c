import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { businessDate, code, uuid } from '../../schema/primitives';
import { REGISTRY_TOPICS } from './registry.topics';

export const memberCardPublishedV1 = defineEvent({
  type: 'registry.member.card-published',
  version: 1,
  topic: REGISTRY_TOPICS.member,
  description:
    'A member business card (党员名片, 001 §3.8) was published on the boards. The card text and phone live in public-disclosure; the event says only whether the phone is shown.',
  schema: z.object({
    memberId: uuid,
    cardId: uuid,
    postId: uuid.nullable(),
    serviceItemCodes: z.array(code).max(20),
    pledgeIds: z.array(uuid).max(5),
    phoneShown: z.boolean(),
    publishedOn: businessDate,
  }),
  example: {
    memberId: EXAMPLE_IDS.member,
    cardId: EXAMPLE_IDS.card,
    postId: EXAMPLE_IDS.post,
    serviceItemCodes: ['policy_consulting', 'agri_tech'],
    pledgeIds: [EXAMPLE_IDS.pledge],
    phoneShown: true,
    publishedOn: '2026-03-05',
  },
});
