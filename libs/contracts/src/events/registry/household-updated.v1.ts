import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { code, uuid } from '../../schema/primitives';
import { REGISTRY_TOPICS } from './registry.topics';

export const householdUpdatedV1 = defineEvent({
  type: 'registry.household.updated',
  version: 1,
  topic: REGISTRY_TOPICS.household,
  description:
    'Household attributes changed. `changes` holds the new values of non-sensitive attributes; `personal_details` in changedFields only signals that encrypted contact data changed (no values). Hardship status has its own event.',
  schema: z.object({
    householdId: uuid,
    changedFields: z
      .array(z.enum(['villageUnitId', 'size', 'needs', 'isMigrantMemberHousehold', 'personal_details']))
      .min(1),
    changes: z
      .object({
        villageUnitId: uuid,
        size: z.number().int().min(1).max(50),
        needs: z.array(code).max(20),
        isMigrantMemberHousehold: z.boolean(),
      })
      .partial(),
  }),
  example: {
    householdId: EXAMPLE_IDS.household,
    changedFields: ['size', 'needs'],
    changes: { size: 5, needs: ['schooling', 'housing_repair', 'medical_care'] },
  },
});
