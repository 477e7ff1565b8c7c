import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { hardshipStatus } from '../../schema/enums';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { businessDate, code, uuid } from '../../schema/primitives';
import { REGISTRY_TOPICS } from './registry.topics';

export const householdHardshipStatusChangedV1 = defineEvent({
  type: 'registry.household.hardship-status-changed',
  version: 1,
  topic: REGISTRY_TOPICS.household,
  description:
    'A household entered or left a hardship status (贫困户/低收入/特困). Sensitive: never shown on public boards; analytics sees it only by household id.',
  schema: z.object({
    householdId: uuid,
    previousStatus: hardshipStatus,
    hardshipStatus,
    effectiveOn: businessDate,
    reasonCode: code.nullable(),
  }),
  example: {
    householdId: EXAMPLE_IDS.household,
    previousStatus: 'poor',
    hardshipStatus: 'low_income',
    effectiveOn: '2026-06-30',
    reasonCode: 'income_review',
  },
});
