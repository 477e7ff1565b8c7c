import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { businessDate, uuid } from '../../schema/primitives';
import { REGISTRY_TOPICS } from './registry.topics';

export const memberTransferredInV1 = defineEvent({
  type: 'registry.member.transferred-in',
  version: 1,
  topic: REGISTRY_TOPICS.member,
  description:
    'A member joined a branch by transfer (组织关系转入). Published in the new district; the origin is null when the member comes from outside the city.',
  schema: z.object({
    memberId: uuid,
    transferId: uuid,
    fromBranchUnitId: uuid.nullable(),
    fromDistrictId: uuid.nullable(),
    toBranchUnitId: uuid,
    toDistrictId: uuid,
    transferredOn: businessDate,
  }),
  example: {
    memberId: EXAMPLE_IDS.member,
    transferId: EXAMPLE_IDS.transfer,
    fromBranchUnitId: EXAMPLE_IDS.branch,
    fromDistrictId: EXAMPLE_IDS.district,
    toBranchUnitId: EXAMPLE_IDS.otherBranch,
    toDistrictId: EXAMPLE_IDS.otherDistrict,
    transferredOn: '2026-04-15',
  },
});
