import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { businessDate, count, uuid } from '../../schema/primitives';
import { REGISTRY_TOPICS } from './registry.topics';

export const partyGroupMemberJoinedV1 = defineEvent({
  type: 'registry.party-group.member-joined',
  version: 1,
  topic: REGISTRY_TOPICS.partyGroup,
  description: 'A member joined a Party group (groups have 5–10 members).',
  schema: z.object({ partyGroupId: uuid, memberId: uuid, joinedOn: businessDate, memberCount: count }),
  example: {
    partyGroupId: EXAMPLE_IDS.partyGroup,
    memberId: EXAMPLE_IDS.otherMember,
    joinedOn: '2026-02-21',
    memberCount: 6,
  },
});
