import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { uuid } from '../../schema/primitives';
import { REGISTRY_TOPICS } from './registry.topics';

export const partyGroupLeaderChangedV1 = defineEvent({
  type: 'registry.party-group.leader-changed',
  version: 1,
  topic: REGISTRY_TOPICS.partyGroup,
  description: 'A Party group got a new leader (each group has one).',
  schema: z.object({ partyGroupId: uuid, previousLeaderMemberId: uuid.nullable(), leaderMemberId: uuid }),
  example: {
    partyGroupId: EXAMPLE_IDS.partyGroup,
    previousLeaderMemberId: EXAMPLE_IDS.member,
    leaderMemberId: EXAMPLE_IDS.otherMember,
  },
});
