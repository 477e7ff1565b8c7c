import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { visitKind } from '../../schema/enums';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { businessDate, code, count, uuid } from '../../schema/primitives';
import { PAIRING_TOPICS } from './pairing.topics';

export const visitCorrectedV1 = defineEvent({
  type: 'pairing.visit.corrected',
  version: 1,
  topic: PAIRING_TOPICS.visit,
  description:
    "A correction was appended to a visit (the diary is append-only). `changes` holds the corrected values; the latest correction wins. `heard` in `correctedFields` says what was heard was corrected: the text itself never leaves the service (it is residents' words), read it with its correction trail from GET /api/v1/visits/{id}.",
  schema: z.object({
    visitId: uuid,
    correctionId: uuid,
    correctedFields: z.array(z.enum(['visitedOn', 'kind', 'problemsRaised', 'mattersDone', 'heard'])).min(1),
    changes: z
      .object({ visitedOn: businessDate, kind: visitKind, problemsRaised: count, mattersDone: count })
      .partial(),
    reasonCode: code,
  }),
  example: {
    visitId: EXAMPLE_IDS.visit,
    correctionId: EXAMPLE_IDS.correction,
    correctedFields: ['mattersDone'],
    changes: { mattersDone: 2 },
    reasonCode: 'entry_error',
  },
});
