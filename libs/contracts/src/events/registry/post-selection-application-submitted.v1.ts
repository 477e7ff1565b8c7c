import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { uuid } from '../../schema/primitives';
import { REGISTRY_TOPICS } from './registry.topics';

export const postSelectionApplicationSubmittedV1 = defineEvent({
  type: 'registry.post-selection.application-submitted',
  version: 1,
  topic: REGISTRY_TOPICS.post,
  description: 'A member applied for a post in an open selection.',
  schema: z.object({ selectionId: uuid, applicationId: uuid, memberId: uuid }),
  example: {
    selectionId: EXAMPLE_IDS.selection,
    applicationId: EXAMPLE_IDS.application,
    memberId: EXAMPLE_IDS.member,
  },
});
