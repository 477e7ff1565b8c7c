// Full coverage (全覆盖, 000 and 001 §3.7): every hardship household and every household of a
// migrant member must be paired with a member or cadre.
export interface CoverageHousehold {
  readonly id: string;
  readonly orgPath: string;
  readonly hardshipStatus: string;
  readonly hasMigrantMember: boolean;
}

export type CoverageReason = 'hardship' | 'migrant_member';

export function mustBeCovered(household: CoverageHousehold): boolean {
  return coverageReasons(household).length > 0;
}

export function coverageReasons(household: CoverageHousehold): CoverageReason[] {
  const reasons: CoverageReason[] = [];
  if (household.hardshipStatus !== 'none') reasons.push('hardship');
  if (household.hasMigrantMember) reasons.push('migrant_member');
  return reasons;
}

export function uncoveredHouseholds<T extends CoverageHousehold>(
  households: readonly T[],
  pairedHouseholdIds: ReadonlySet<string>,
): T[] {
  return households.filter((household) => mustBeCovered(household) && !pairedHouseholdIds.has(household.id));
}
