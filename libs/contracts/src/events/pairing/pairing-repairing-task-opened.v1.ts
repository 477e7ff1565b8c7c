import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { businessDate, uuid } from '../../schema/primitives';
import { PAIRING_TOPICS } from './pairing.topics';

export const pairingRepairingTaskOpenedV1 = defineEvent({
  type: 'pairing.pairing.repairing-task-opened',
  version: 1,
  topic: PAIRING_TOPICS.pairing,
  description:
    'A household is (or will be) without a pairing; a task to re-pair it was opened so coverage stays complete (全覆盖).',
  schema: z.object({
    taskId: uuid,
    householdId: uuid,
    previousPairingId: uuid.nullable(),
    reasonCode: z.enum(['pairing_ended', 'household_registered', 'coverage_audit', 'other']),
    dueOn: businessDate,
  }),
  example: {
    taskId: EXAMPLE_IDS.repairingTask,
    householdId: EXAMPLE_IDS.household,
    previousPairingId: EXAMPLE_IDS.pairing,
    reasonCode: 'pairing_ended',
    dueOn: '2026-04-30',
  },
});
