import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { uuid } from '../../schema/primitives';
import { REGISTRY_TOPICS } from './registry.topics';

export const postSelectionShortlistedV1 = defineEvent({
  type: 'registry.post-selection.shortlisted',
  version: 1,
  topic: REGISTRY_TOPICS.post,
  description: 'The branch shortlisted candidates, more than there are seats (差额).',
  schema: z.object({
    selectionId: uuid,
    seats: z.number().int().min(1),
    candidateMemberIds: z.array(uuid).min(2),
  }),
  example: {
    selectionId: EXAMPLE_IDS.selection,
    seats: 2,
    candidateMemberIds: [EXAMPLE_IDS.member, EXAMPLE_IDS.otherMember, EXAMPLE_IDS.thirdMember],
  },
});
