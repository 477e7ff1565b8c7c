import { z } from 'zod';
import { cadreRank, educationLevel, gender, memberCategory } from '@lianxin/contracts';
import {
  ageOn,
  businessDateSchema,
  codeSchema,
  mobileSchema,
  personNameSchema,
  residentIdSchema,
} from '../../shared/domain/field-schemas';
import { checkResidentId, RESIDENT_ID_MESSAGES } from '../../shared/domain/resident-id';

// A member's registrable attributes (DOMAIN.md §1). The same shape validates the create body and
// every imported CSV row; the branch is given by id (API) or by code (import).

export const HAN_ETHNICITY = '汉族';
/** Party rules: a member joins at 18 or older. */
export const MIN_JOIN_AGE = 18;

export const memberAttributesShape = {
  name: personNameSchema,
  gender,
  /** Ethnic group as written on the ID card, e.g. 汉族, 藏族, 回族. */
  ethnicity: z.string().trim().min(1).max(20),
  birthDate: businessDateSchema,
  educationLevel,
  joinedAt: businessDateSchema,
  mobile: mobileSchema,
  residentId: residentIdSchema,
  category: memberCategory,
  hasPost: z.boolean(),
  cadreRank: cadreRank.default('none'),
  /** Free-text position (职务), e.g. 村党支部书记. */
  position: z.string().trim().max(50).nullable().default(null),
  specialties: z.array(codeSchema).max(20).default([]),
  rural: z.boolean(),
  /** The member agreed that the printed card shows the phone number. */
  phoneOnCard: z.boolean().default(false),
};

interface CrossFieldInput {
  birthDate?: string;
  joinedAt?: string;
  residentId?: string;
  category?: string;
  cadreRank?: string;
}

export interface FieldIssue {
  readonly field: string;
  readonly message: string;
}

/** Rules that involve two fields; each issue names the field a person has to fix. */
export function memberCrossFieldIssues(value: CrossFieldInput, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (value.residentId !== undefined && value.birthDate !== undefined) {
    const result = checkResidentId(value.residentId, { birthDate: value.birthDate, today });
    if (!result.ok && result.problem === 'birth-date-mismatch')
      issues.push({ field: 'residentId', message: RESIDENT_ID_MESSAGES[result.problem] });
  }
  if (value.birthDate !== undefined && value.birthDate > today)
    issues.push({ field: 'birthDate', message: 'must not be in the future' });
  if (value.joinedAt !== undefined) {
    if (value.joinedAt > today) issues.push({ field: 'joinedAt', message: 'must not be in the future' });
    if (value.birthDate !== undefined && ageOn(value.birthDate, value.joinedAt) < MIN_JOIN_AGE) {
      issues.push({ field: 'joinedAt', message: `member must be at least ${MIN_JOIN_AGE} on the join date` });
    }
  }
  if (
    value.cadreRank !== undefined &&
    value.cadreRank !== 'none' &&
    value.category !== undefined &&
    value.category !== 'cadre'
  ) {
    issues.push({ field: 'cadreRank', message: 'only members in category cadre have a cadre rank' });
  }
  return issues;
}

/** The same rules as a zod refinement, for request bodies and CSV rows. */
export function checkMemberCrossFields(
  value: CrossFieldInput,
  ctx: z.core.$RefinementCtx,
  today: string,
): void {
  for (const issue of memberCrossFieldIssues(value, today))
    ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
}

export function isEthnicMinority(ethnicity: string): boolean {
  return ethnicity.trim() !== HAN_ETHNICITY && ethnicity.trim() !== '汉';
}

export const memberAttributesSchema = z.strictObject(memberAttributesShape);
export type MemberAttributes = z.output<typeof memberAttributesSchema>;
