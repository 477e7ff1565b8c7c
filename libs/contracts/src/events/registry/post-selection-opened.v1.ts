import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { businessDate, uuid } from '../../schema/primitives';
import { REGISTRY_TOPICS } from './registry.topics';

export const postSelectionOpenedV1 = defineEvent({
  type: 'registry.post-selection.opened',
  version: 1,
  topic: REGISTRY_TOPICS.post,
  description: 'A branch opened a two-way selection (双向选择) to fill seats of a post type.',
  schema: z.object({
    selectionId: uuid,
    postTypeId: uuid,
    branchUnitId: uuid,
    seats: z.number().int().min(1),
    opensOn: businessDate,
    applicationsCloseOn: businessDate,
  }),
  example: {
    selectionId: EXAMPLE_IDS.selection,
    postTypeId: EXAMPLE_IDS.postType,
    branchUnitId: EXAMPLE_IDS.branch,
    seats: 2,
    opensOn: '2026-03-01',
    applicationsCloseOn: '2026-03-10',
  },
});
