import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { cadreRank, educationLevel, gender, memberCategory } from '../../schema/enums';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { businessDate, code, uuid, year } from '../../schema/primitives';
import { REGISTRY_TOPICS } from './registry.topics';

/** Non-sensitive member attributes analytics needs for composition statistics (001 §2). */
export const memberProfileShape = {
  branchUnitId: uuid,
  category: memberCategory,
  hasPost: z.boolean(),
  cadreRank,
  gender,
  ethnicityMinority: z.boolean(),
  birthYear: year.describe('Year only: enough for age bands (under 45), not an identifying birth date.'),
  educationLevel,
  rural: z.boolean(),
  joinedAt: businessDate.describe('Date the person joined the Party (business date).'),
  specialties: z.array(code).max(20),
};

export const memberRegisteredV1 = defineEvent({
  type: 'registry.member.registered',
  version: 1,
  topic: REGISTRY_TOPICS.member,
  description: 'A Party member was added to the roster. Names, ID numbers and phones stay in the registry.',
  schema: z.object({ memberId: uuid, ...memberProfileShape }),
  example: {
    memberId: EXAMPLE_IDS.member,
    branchUnitId: EXAMPLE_IDS.branch,
    category: 'cadre',
    hasPost: true,
    cadreRank: 'township_cadre',
    gender: 'female',
    ethnicityMinority: true,
    birthYear: 1986,
    educationLevel: 'bachelor',
    rural: true,
    joinedAt: '2010-07-01',
    specialties: ['agri_tech', 'mediation'],
  },
});
