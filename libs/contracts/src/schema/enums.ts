import { z } from 'zod';

// Enumerations shared by several events. Adding a value is a compatible change (consumers must
// tolerate unknown values); removing or renaming one is breaking within a major version.

/** Roles from the identity conventions, plus `system` for relays/consumers/jobs and `public` for
 * anonymous resident channels (feedback forms, objection boxes) that have no login. */
export const actorRole = z.enum([
  'city_admin',
  'district_admin',
  'township_admin',
  'branch_secretary',
  'member',
  'auditor',
  'fund_treasurer',
  'fund_approver',
  'system',
  'public',
]);

export const orgUnitLevel = z.enum(['city', 'district', 'township', 'village', 'branch']);

/** Assessment categories (001 §3.6). */
export const memberCategory = z.enum(['cadre', 'ordinary', 'migrant', 'elderly_sick_disabled']);

/** Cadre ranks drive pairing and visit quotas (000). */
export const cadreRank = z.enum([
  'county_leader',
  'section_chief_or_above',
  'township_cadre',
  'other_cadre',
  'department_head',
  'none',
]);

export const gender = z.enum(['female', 'male']);

/** Highest completed education; `senior_high` and above counts as "high school or above". */
export const educationLevel = z.enum([
  'primary_or_below',
  'junior_high',
  'senior_high',
  'vocational',
  'junior_college',
  'bachelor',
  'postgraduate',
]);

export const hardshipStatus = z.enum(['poor', 'low_income', 'extreme_hardship', 'none']);

/** Party group types (000) and the five responsibility areas (002). */
export const partyGroupType = z.enum([
  'family_planning',
  'traffic',
  'patrol',
  'mediation',
  'industry',
  'labour',
  'responsibility',
]);

export const responsibilityArea = z.enum(['economy', 'environment', 'livelihood', 'culture', 'stability']);

export const visitKind = z.enum(['home', 'phone', 'other']);

export const visitConfirmation = z.enum(['confirmed', 'not_confirmed', 'unreachable']);

export const ticketSource = z.enum(['visit', 'walk_in', 'hotline', 'online']);

export const escalationLevel = z.enum(['branch', 'township']);

export const satisfaction = z.enum(['satisfied', 'basically', 'unsatisfied', 'none']);

export const pledgeRating = z.enum(['satisfied', 'basically', 'unsatisfied']);

export const callBackResult = z.enum(['visit_confirmed', 'visit_denied', 'unreachable', 'refused']);
