import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { businessDate, count, uuid } from '../../schema/primitives';
import { REGISTRY_TOPICS } from './registry.topics';

export const partyGroupMemberLeftV1 = defineEvent({
  type: 'registry.party-group.member-left',
  version: 1,
  topic: REGISTRY_TOPICS.partyGroup,
  description: 'A member left a Party group.',
  schema: z.object({
    partyGroupId: uuid,
    memberId: uuid,
    leftOn: businessDate,
    reasonCode: z.enum(['requested', 'transferred', 'deactivated', 'regrouped', 'other']),
    memberCount: count,
  }),
  example: {
    partyGroupId: EXAMPLE_IDS.partyGroup,
    memberId: EXAMPLE_IDS.otherMember,
    leftOn: '2026-08-01',
    reasonCode: 'transferred',
    memberCount: 5,
  },
});
