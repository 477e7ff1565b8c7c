import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { businessDate, uuid } from '../../schema/primitives';
import { REGISTRY_TOPICS } from './registry.topics';

export const memberTransferredOutV1 = defineEvent({
  type: 'registry.member.transferred-out',
  version: 1,
  topic: REGISTRY_TOPICS.member,
  description:
    'A member left a branch (组织关系转出). Published in the old district; the destination is null when the member leaves the city.',
  schema: z.object({
    memberId: uuid,
    transferId: uuid,
    fromBranchUnitId: uuid,
    fromDistrictId: uuid,
    toBranchUnitId: uuid.nullable(),
    toDistrictId: uuid.nullable(),
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
