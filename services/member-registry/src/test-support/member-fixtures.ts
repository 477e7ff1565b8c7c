import { buildResidentId } from '../shared/domain/resident-id';

let sequence = 100;

/** A valid register-member body; each call gets a fresh ID number and phone. */
export function memberBody(
  branchId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  sequence += 1;
  return {
    branchId,
    name: `党员${sequence}`,
    gender: 'female',
    ethnicity: '藏族',
    birthDate: '1986-04-12',
    educationLevel: 'bachelor',
    joinedAt: '2010-07-01',
    mobile: `139${String(10_000_000 + sequence).slice(-8)}`,
    residentId: buildResidentId('632122', '1986-04-12', sequence % 1000),
    category: 'cadre',
    hasPost: true,
    cadreRank: 'township_cadre',
    specialties: ['agri_tech'],
    rural: true,
    ...overrides,
  };
}
