import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { pledgeRating } from '../../schema/enums';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { businessDate, uuid } from '../../schema/primitives';
import { PAIRING_TOPICS } from './pairing.topics';

export const pledgeEvaluatedV1 = defineEvent({
  type: 'pairing.pledge.evaluated',
  version: 1,
  topic: PAIRING_TOPICS.pledge,
  description: 'Residents evaluated a pledge (群众评诺). Evaluators are not identified.',
  schema: z.object({
    pledgeId: uuid,
    memberId: uuid,
    evaluationId: uuid,
    rating: pledgeRating,
    evaluatorKind: z.enum(['resident', 'resident_representative', 'member']),
    evaluatedOn: businessDate,
  }),
  example: {
    pledgeId: EXAMPLE_IDS.pledge,
    memberId: EXAMPLE_IDS.member,
    evaluationId: EXAMPLE_IDS.evaluation,
    rating: 'satisfied',
    evaluatorKind: 'resident_representative',
    evaluatedOn: '2026-12-20',
  },
});
