import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { orgPath, uuid } from '../../schema/primitives';
import { REGISTRY_TOPICS } from './registry.topics';

export const orgUnitMovedV1 = defineEvent({
  type: 'registry.org-unit.moved',
  version: 1,
  topic: REGISTRY_TOPICS.orgUnit,
  description:
    'An org unit moved under another parent (e.g. townships merged). Its subtree moves with it: consumers rewrite every path starting with previousPath.',
  schema: z.object({
    orgUnitId: uuid,
    previousParentId: uuid,
    parentId: uuid,
    previousPath: orgPath,
    path: orgPath,
    districtId: uuid.describe(
      'District after the move; differs from the envelope district only for cross-district moves.',
    ),
  }),
  example: {
    orgUnitId: EXAMPLE_IDS.village,
    previousParentId: EXAMPLE_IDS.township,
    parentId: EXAMPLE_IDS.otherBranch,
    previousPath: '/hz/xihu/dahe/v-hongqi/',
    path: '/hz/xihu/zhenzi/v-hongqi/',
    districtId: EXAMPLE_IDS.district,
  },
});
