import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS, EXAMPLE_PATHS } from '../../schema/example-ids';
import { businessDate, orgPath, uuid } from '../../schema/primitives';
import { REGISTRY_TOPICS } from './registry.topics';

export const orgUnitDeactivatedV1 = defineEvent({
  type: 'registry.org-unit.deactivated',
  version: 1,
  topic: REGISTRY_TOPICS.orgUnit,
  description:
    'An org unit stopped operating (merged or dissolved). It stays in history; nothing new may attach to it.',
  schema: z.object({
    orgUnitId: uuid,
    path: orgPath,
    reasonCode: z.enum(['merged', 'dissolved', 'created_in_error', 'other']),
    successorUnitId: uuid
      .nullable()
      .describe('Unit that takes over its members and households, when merged.'),
    effectiveOn: businessDate,
  }),
  example: {
    orgUnitId: EXAMPLE_IDS.branch,
    path: EXAMPLE_PATHS.branch,
    reasonCode: 'merged',
    successorUnitId: EXAMPLE_IDS.otherBranch,
    effectiveOn: '2026-03-01',
  },
});
