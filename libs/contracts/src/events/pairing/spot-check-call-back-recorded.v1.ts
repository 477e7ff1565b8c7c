import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { callBackResult } from '../../schema/enums';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { businessDate, uuid } from '../../schema/primitives';
import { PAIRING_TOPICS } from './pairing.topics';

export const spotCheckCallBackRecordedV1 = defineEvent({
  type: 'pairing.spot-check.call-back-recorded',
  version: 1,
  topic: PAIRING_TOPICS.spotCheck,
  description:
    'A phone call-back (电话回访) asked the household whether the visit happened. The number dialled is never published.',
  schema: z.object({
    spotCheckId: uuid,
    callBackId: uuid,
    visitId: uuid,
    householdId: uuid,
    result: callBackResult,
    calledOn: businessDate,
  }),
  example: {
    spotCheckId: EXAMPLE_IDS.spotCheck,
    callBackId: EXAMPLE_IDS.callBack,
    visitId: EXAMPLE_IDS.visit,
    householdId: EXAMPLE_IDS.household,
    result: 'visit_confirmed',
    calledOn: '2026-04-03',
  },
});
