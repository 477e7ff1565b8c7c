/** Every role a token may carry (CONVENTIONS.md, Identity). */
export const ROLES = [
  'city_admin',
  'district_admin',
  'township_admin',
  'branch_secretary',
  'member',
  'auditor',
  'fund_treasurer',
  'fund_approver',
] as const;

export type Role = (typeof ROLES)[number];
