import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { visitConfirmation } from '../../schema/enums';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { uuid } from '../../schema/primitives';
import { PAIRING_TOPICS } from './pairing.topics';

export const visitConfirmationChangedV1 = defineEvent({
  type: 'pairing.visit.confirmation-changed',
  version: 1,
  topic: PAIRING_TOPICS.visit,
  description: 'Supervision confirmed (or failed to confirm) with the household that the visit happened.',
  schema: z.object({
    visitId: uuid,
    previousConfirmation: visitConfirmation.nullable(),
    confirmation: visitConfirmation,
    spotCheckId: uuid.nullable(),
    callBackId: uuid.nullable(),
  }),
  example: {
    visitId: EXAMPLE_IDS.visit,
    previousConfirmation: null,
    confirmation: 'confirmed',
    spotCheckId: EXAMPLE_IDS.spotCheck,
    callBackId: EXAMPLE_IDS.callBack,
  },
});
