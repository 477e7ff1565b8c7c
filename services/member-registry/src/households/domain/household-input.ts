import { z } from 'zod';
import { hardshipStatus } from '@lianxin/contracts';
import {
  codeSchema,
  mobileSchema,
  personNameSchema,
  residentIdSchema,
} from '../../shared/domain/field-schemas';

// A household served (群众/农户). Head's name, address, ID number and phone are personal data: never
// in events or logs; ID number and phone are encrypted at rest.

export const householdAttributesShape = {
  headName: personNameSchema,
  residentId: residentIdSchema.nullable().default(null),
  mobile: mobileSchema.nullable().default(null),
  address: z.string().trim().min(1).max(200),
  size: z.number().int().min(1).max(50),
  hardshipStatus: hardshipStatus.default('none'),
  /** Need codes, e.g. schooling, housing_repair, medical, employment. */
  needs: z.array(codeSchema).max(20).default([]),
  isMigrantMemberHousehold: z.boolean().default(false),
};

export const householdAttributesSchema = z.strictObject(householdAttributesShape);
export type HouseholdAttributes = z.output<typeof householdAttributesSchema>;
