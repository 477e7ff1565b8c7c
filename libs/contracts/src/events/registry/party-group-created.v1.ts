import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { partyGroupType, responsibilityArea } from '../../schema/enums';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { businessDate, uuid } from '../../schema/primitives';
import { REGISTRY_TOPICS } from './registry.topics';

export const partyGroupCreatedV1 = defineEvent({
  type: 'registry.party-group.created',
  version: 1,
  topic: REGISTRY_TOPICS.partyGroup,
  description:
    'A Party group (党小组) was formed in a branch: an activity group (000) or a responsibility group for one of five areas (002).',
  schema: z.object({
    partyGroupId: uuid,
    branchUnitId: uuid,
    groupType: partyGroupType,
    responsibilityArea: responsibilityArea
      .nullable()
      .describe('Set for responsibility groups (groupType `responsibility`), null otherwise.'),
    leaderMemberId: uuid.nullable(),
    formedOn: businessDate,
  }),
  example: {
    partyGroupId: EXAMPLE_IDS.partyGroup,
    branchUnitId: EXAMPLE_IDS.branch,
    groupType: 'mediation',
    responsibilityArea: null,
    leaderMemberId: EXAMPLE_IDS.member,
    formedOn: '2026-02-20',
  },
});
