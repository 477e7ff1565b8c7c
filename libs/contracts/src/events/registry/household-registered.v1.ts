import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { hardshipStatus } from '../../schema/enums';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { code, uuid } from '../../schema/primitives';
import { REGISTRY_TOPICS } from './registry.topics';

export const householdRegisteredV1 = defineEvent({
  type: 'registry.household.registered',
  version: 1,
  topic: REGISTRY_TOPICS.household,
  description:
    'A household to be served was registered. Names, addresses, phones and ID numbers stay encrypted in the registry; the event carries ids and codes.',
  schema: z.object({
    householdId: uuid,
    villageUnitId: uuid,
    size: z.number().int().min(1).max(50),
    hardshipStatus,
    needs: z.array(code).max(20),
    isMigrantMemberHousehold: z
      .boolean()
      .describe('Household of a migrant (外出) member: must be covered by a pairing too (000).'),
  }),
  example: {
    householdId: EXAMPLE_IDS.household,
    villageUnitId: EXAMPLE_IDS.village,
    size: 4,
    hardshipStatus: 'low_income',
    needs: ['schooling', 'housing_repair'],
    isMigrantMemberHousehold: false,
  },
});
