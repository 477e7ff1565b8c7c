import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { orgUnitLevel } from '../../schema/enums';
import { EXAMPLE_IDS, EXAMPLE_PATHS } from '../../schema/example-ids';
import { orgPath, orgUnitCode, uuid } from '../../schema/primitives';
import { REGISTRY_TOPICS } from './registry.topics';

export const orgUnitCreatedV1 = defineEvent({
  type: 'registry.org-unit.created',
  version: 1,
  topic: REGISTRY_TOPICS.orgUnit,
  description: 'An org unit (district, township, village/community or Party branch) was added to the tree.',
  schema: z.object({
    orgUnitId: uuid,
    parentId: uuid.nullable(),
    code: orgUnitCode,
    level: orgUnitLevel,
    unitName: z
      .string()
      .min(1)
      .max(100)
      .describe('Official unit name (e.g. 红旗村党支部): organisational and public, not personal data.'),
    path: orgPath,
  }),
  example: {
    orgUnitId: EXAMPLE_IDS.branch,
    parentId: EXAMPLE_IDS.village,
    code: 'b-01',
    level: 'branch',
    unitName: '红旗村第一党支部',
    path: EXAMPLE_PATHS.branch,
  },
});
