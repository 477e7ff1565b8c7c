import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { uuid } from '../../schema/primitives';
import { REGISTRY_TOPICS } from './registry.topics';

export const orgUnitRenamedV1 = defineEvent({
  type: 'registry.org-unit.renamed',
  version: 1,
  topic: REGISTRY_TOPICS.orgUnit,
  description: 'An org unit got a new display name; its code and path never change.',
  schema: z.object({
    orgUnitId: uuid,
    previousUnitName: z.string().min(1).max(100),
    unitName: z.string().min(1).max(100),
  }),
  example: { orgUnitId: EXAMPLE_IDS.branch, previousUnitName: '红旗村党支部', unitName: '红旗村第一党支部' },
});
