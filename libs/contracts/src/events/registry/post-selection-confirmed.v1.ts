import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { businessDate, uuid } from '../../schema/primitives';
import { REGISTRY_TOPICS } from './registry.topics';

export const postSelectionConfirmedV1 = defineEvent({
  type: 'registry.post-selection.confirmed',
  version: 1,
  topic: REGISTRY_TOPICS.post,
  description: 'The window closed without upheld objections; members now hold the posts (明岗).',
  schema: z.object({
    selectionId: uuid,
    postTypeId: uuid,
    assignments: z.array(z.object({ postId: uuid, memberId: uuid })).min(1),
    confirmedOn: businessDate,
  }),
  example: {
    selectionId: EXAMPLE_IDS.selection,
    postTypeId: EXAMPLE_IDS.postType,
    assignments: [{ postId: EXAMPLE_IDS.post, memberId: EXAMPLE_IDS.member }],
    confirmedOn: '2026-03-28',
  },
});
