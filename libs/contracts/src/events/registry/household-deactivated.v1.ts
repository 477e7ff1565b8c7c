import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { businessDate, uuid } from '../../schema/primitives';
import { REGISTRY_TOPICS } from './registry.topics';

export const householdDeactivatedV1 = defineEvent({
  type: 'registry.household.deactivated',
  version: 1,
  topic: REGISTRY_TOPICS.household,
  description:
    'A household is no longer served (moved away, merged, registered twice…). The registry keeps the row, since visits and pairings refer to it; consumers stop counting it (coverage, suggestions). District and org path are in the envelope; no personal data.',
  schema: z.object({
    householdId: uuid,
    reasonCode: z.enum(['moved_away', 'household_dissolved', 'merged', 'duplicate_record', 'other']),
    effectiveOn: businessDate,
  }),
  example: { householdId: EXAMPLE_IDS.household, reasonCode: 'moved_away', effectiveOn: '2026-05-31' },
});
