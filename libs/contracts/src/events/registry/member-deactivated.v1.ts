import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { businessDate, uuid } from '../../schema/primitives';
import { REGISTRY_TOPICS } from './registry.topics';

export const memberDeactivatedV1 = defineEvent({
  type: 'registry.member.deactivated',
  version: 1,
  topic: REGISTRY_TOPICS.member,
  description: 'A member left the roster for good. Pairings held by the member must be re-paired.',
  schema: z.object({
    memberId: uuid,
    reasonCode: z.enum(['deceased', 'left_city', 'membership_ended', 'duplicate_record', 'other']),
    effectiveOn: businessDate,
  }),
  example: { memberId: EXAMPLE_IDS.member, reasonCode: 'left_city', effectiveOn: '2026-05-31' },
});
