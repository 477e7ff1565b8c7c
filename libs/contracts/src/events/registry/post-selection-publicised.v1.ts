import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { businessDate, uuid } from '../../schema/primitives';
import { REGISTRY_TOPICS } from './registry.topics';

export const postSelectionPublicisedV1 = defineEvent({
  type: 'registry.post-selection.publicised',
  version: 1,
  topic: REGISTRY_TOPICS.post,
  description: 'The result was publicised (公示); residents may object until the window ends.',
  schema: z.object({
    selectionId: uuid,
    electedMemberIds: z.array(uuid).min(1),
    publicisedOn: businessDate,
    objectionWindowEndsOn: businessDate,
  }),
  example: {
    selectionId: EXAMPLE_IDS.selection,
    electedMemberIds: [EXAMPLE_IDS.member, EXAMPLE_IDS.otherMember],
    publicisedOn: '2026-03-20',
    objectionWindowEndsOn: '2026-03-27',
  },
});
