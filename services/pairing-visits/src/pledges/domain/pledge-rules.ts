// Public pledges (承诺, 001 §3.5): every member pledges 1–5 practical things a year, each with
// content, deadline and quality standard; pledged, publicised, fulfilled, reported, evaluated.
export const MAX_PLEDGES_PER_YEAR = 5;

export const PLEDGE_STATUSES = ['draft', 'published', 'fulfilled'] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];

export const PLEDGE_RATINGS = ['satisfied', 'basically', 'unsatisfied'] as const;
export type PledgeRating = (typeof PLEDGE_RATINGS)[number];

export class PledgeRuleError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export function assertPledgeAllowance(existingThisYear: number): void {
  if (existingThisYear >= MAX_PLEDGES_PER_YEAR) {
    throw new PledgeRuleError('year', `a member makes at most ${MAX_PLEDGES_PER_YEAR} pledges a year`);
  }
}

export function assertDeadlineInYear(deadline: string, year: number): void {
  if (Number(deadline.slice(0, 4)) !== year)
    throw new PledgeRuleError('deadline', 'the deadline must fall in the pledge year');
}

export interface RatingSummary {
  readonly satisfied: number;
  readonly basically: number;
  readonly unsatisfied: number;
  /** Share rated satisfied or basically satisfied, 0–1; null with no ratings. */
  readonly satisfactionRate: number | null;
}

export function summariseRatings(ratings: readonly PledgeRating[]): RatingSummary {
  const count = (rating: PledgeRating): number => ratings.filter((value) => value === rating).length;
  const satisfied = count('satisfied');
  const basically = count('basically');
  const unsatisfied = count('unsatisfied');
  const total = satisfied + basically + unsatisfied;
  return {
    satisfied,
    basically,
    unsatisfied,
    satisfactionRate: total === 0 ? null : (satisfied + basically) / total,
  };
}
