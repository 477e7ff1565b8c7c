import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { uuid } from '../../schema/primitives';
import { REGISTRY_TOPICS } from './registry.topics';

export const postSelectionNominationReceivedV1 = defineEvent({
  type: 'registry.post-selection.nomination-received',
  version: 1,
  topic: REGISTRY_TOPICS.post,
  description: 'Residents (or representatives) nominated a member for a post. Nominators are not identified.',
  schema: z.object({
    selectionId: uuid,
    nominationId: uuid,
    memberId: uuid,
    nominatorKind: z.enum(['resident', 'resident_representative', 'member', 'branch_committee']),
  }),
  example: {
    selectionId: EXAMPLE_IDS.selection,
    nominationId: EXAMPLE_IDS.nomination,
    memberId: EXAMPLE_IDS.member,
    nominatorKind: 'resident_representative',
  },
});
