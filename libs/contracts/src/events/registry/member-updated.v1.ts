import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { uuid } from '../../schema/primitives';
import { memberProfileShape } from './member-registered.v1';
import { REGISTRY_TOPICS } from './registry.topics';

const profile = z.object(memberProfileShape);
const changeableFields = profile.omit({ branchUnitId: true }).keyof();

export const memberUpdatedV1 = defineEvent({
  type: 'registry.member.updated',
  version: 1,
  topic: REGISTRY_TOPICS.member,
  description:
    'Non-sensitive member attributes changed. `changes` holds the new value of each changed attribute; a change of name, phone or ID number is not published. Branch changes are transfers.',
  schema: z.object({
    memberId: uuid,
    changedFields: z.array(changeableFields).min(1),
    changes: profile.omit({ branchUnitId: true }).partial(),
  }),
  example: {
    memberId: EXAMPLE_IDS.member,
    changedFields: ['hasPost', 'specialties'],
    changes: { hasPost: false, specialties: ['agri_tech'] },
  },
});
