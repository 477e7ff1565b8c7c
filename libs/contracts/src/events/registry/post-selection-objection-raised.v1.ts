import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { code, uuid } from '../../schema/primitives';
import { REGISTRY_TOPICS } from './registry.topics';

export const postSelectionObjectionRaisedV1 = defineEvent({
  type: 'registry.post-selection.objection-raised',
  version: 1,
  topic: REGISTRY_TOPICS.post,
  description: 'An objection was raised during the publicity window. The objector is never identified.',
  schema: z.object({
    selectionId: uuid,
    objectionId: uuid,
    againstMemberId: uuid.nullable(),
    reasonCode: code,
  }),
  example: {
    selectionId: EXAMPLE_IDS.selection,
    objectionId: EXAMPLE_IDS.objection,
    againstMemberId: EXAMPLE_IDS.otherMember,
    reasonCode: 'conduct_concern',
  },
});
