import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { businessDate, uuid } from '../../schema/primitives';
import { REGISTRY_TOPICS } from './registry.topics';

export const postSelectionCancelledV1 = defineEvent({
  type: 'registry.post-selection.cancelled',
  version: 1,
  topic: REGISTRY_TOPICS.post,
  description:
    'A selection in progress was called off before confirmation; nobody takes up a post from it. The written reason stays in the registry (free text may name people).',
  schema: z.object({
    selectionId: uuid,
    postTypeId: uuid,
    previousState: z.enum(['open', 'nominating', 'shortlisted', 'voted', 'publicised']),
    cancelledOn: businessDate,
  }),
  example: {
    selectionId: EXAMPLE_IDS.selection,
    postTypeId: EXAMPLE_IDS.postType,
    previousState: 'nominating',
    cancelledOn: '2026-03-12',
  },
});
