import { z } from 'zod';
import { defineEvent } from '../../envelope/event-definition';
import { EXAMPLE_IDS } from '../../schema/example-ids';
import { code, uuid } from '../../schema/primitives';
import { REGISTRY_TOPICS } from './registry.topics';

export const postTypeCreatedV1 = defineEvent({
  type: 'registry.post-type.created',
  version: 1,
  topic: REGISTRY_TOPICS.post,
  description:
    'A post type with duties (设岗定责, e.g. economic development, village affairs supervision) was defined for a unit and its subtree.',
  schema: z.object({
    postTypeId: uuid,
    code,
    postTypeName: z
      .string()
      .min(1)
      .max(60)
      .describe('Official post type title (e.g. 经济发展岗): organisational, not personal.'),
    definedForUnitId: uuid
      .nullable()
      .describe('Unit whose subtree may use the post type; null for the city catalogue.'),
    dutyCodes: z.array(code).max(20),
  }),
  example: {
    postTypeId: EXAMPLE_IDS.postType,
    code: 'economic_development',
    postTypeName: '经济发展岗',
    definedForUnitId: EXAMPLE_IDS.township,
    dutyCodes: ['industry_guidance', 'market_information'],
  },
});
