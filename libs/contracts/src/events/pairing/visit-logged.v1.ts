import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { visitKind } from '../../schema/enums';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { businessDate, count, uuid } from '../../schema/primitives';
import { PAIRING_TOPICS } from './pairing.topics';

export const visitLoggedV1 = defineEvent({
  type: 'pairing.visit.logged',
  version: 1,
  topic: PAIRING_TOPICS.visit,
  description:
    'A cadre logged a visit in the diary (民情日志). What was heard stays in the diary; the event carries counts for quotas.',
  schema: z.object({
    visitId: uuid,
    pairingId: uuid.nullable(),
    cadreMemberId: uuid,
    householdId: uuid,
    visitedOn: businessDate,
    kind: visitKind,
    problemsRaised: count,
    mattersDone: count,
  }),
  example: {
    visitId: EXAMPLE_IDS.visit,
    pairingId: EXAMPLE_IDS.pairing,
    cadreMemberId: EXAMPLE_IDS.member,
    householdId: EXAMPLE_IDS.household,
    visitedOn: '2026-03-14',
    kind: 'home',
    problemsRaised: 2,
    mattersDone: 1,
  },
});
