import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { count, uuid } from '../../schema/primitives';
import { REGISTRY_TOPICS } from './registry.topics';

export const postSelectionVoteTalliedV1 = defineEvent({
  type: 'registry.post-selection.vote-tallied',
  version: 1,
  topic: REGISTRY_TOPICS.post,
  description: 'Members and resident representatives voted; the tally and the provisional winners.',
  schema: z.object({
    selectionId: uuid,
    ballotsCast: count,
    validBallots: count,
    results: z.array(z.object({ memberId: uuid, votes: count })).min(1),
    electedMemberIds: z.array(uuid),
  }),
  example: {
    selectionId: EXAMPLE_IDS.selection,
    ballotsCast: 41,
    validBallots: 40,
    results: [
      { memberId: EXAMPLE_IDS.member, votes: 31 },
      { memberId: EXAMPLE_IDS.otherMember, votes: 27 },
      { memberId: EXAMPLE_IDS.thirdMember, votes: 22 },
    ],
    electedMemberIds: [EXAMPLE_IDS.member, EXAMPLE_IDS.otherMember],
  },
});
