import { CADRE_RANKS, type CadreRank } from './cadre-rank';

/**
 * What one rank must do in a year. `null` means "no target" (a department head has no visit
 * target, only 100 days at the grassroots). Households are a range: the minimum is the pairing
 * quota, the maximum keeps the suggestion algorithm from piling every household on one leader.
 */
export interface RankQuota {
  readonly minHouseholds: number;
  readonly maxHouseholds: number | null;
  readonly visits: number | null;
  readonly problemsSolved: number | null;
  readonly grassrootsDays: number | null;
}

export type QuotaRules = Readonly<Record<CadreRank, RankQuota>>;

export interface QuotaRuleSet {
  readonly districtId: string | null;
  readonly version: number;
  readonly effectiveFrom: string;
  readonly rules: QuotaRules;
}

/**
 * Seed 000 (桃源县《县乡干部帮联万名群众活动实施方案》): section-chief level and above pair with at
 * least 5 households, other cadres with 2–3; county leaders visit ≥ 4 times, solve ≥ 3 problems and
 * spend ≥ 100 days at the grassroots; township cadres 8 / 2 / 100 (days living in the township);
 * other cadres 6 / 2; department heads 100 days. County leaders and department heads are
 * section-chief level or above, so they take the ≥ 5 households rule too. A section chief who is
 * neither is an "other cadre" for visits. Ordinary members may pair (001 §3.7) but have no quota.
 */
export const DEFAULT_QUOTA_RULES: QuotaRules = Object.freeze({
  county_leader: { minHouseholds: 5, maxHouseholds: 10, visits: 4, problemsSolved: 3, grassrootsDays: 100 },
  section_chief_or_above: {
    minHouseholds: 5,
    maxHouseholds: 10,
    visits: 6,
    problemsSolved: 2,
    grassrootsDays: null,
  },
  township_cadre: { minHouseholds: 2, maxHouseholds: 3, visits: 8, problemsSolved: 2, grassrootsDays: 100 },
  other_cadre: { minHouseholds: 2, maxHouseholds: 3, visits: 6, problemsSolved: 2, grassrootsDays: null },
  department_head: {
    minHouseholds: 5,
    maxHouseholds: 10,
    visits: null,
    problemsSolved: null,
    grassrootsDays: 100,
  },
  none: { minHouseholds: 0, maxHouseholds: 3, visits: null, problemsSolved: null, grassrootsDays: null },
});

export const DEFAULT_RULE_SET: QuotaRuleSet = Object.freeze({
  districtId: null,
  version: 0,
  effectiveFrom: '2013-01-01',
  rules: DEFAULT_QUOTA_RULES,
});

export class InvalidQuotaRuleError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** A rule set is coherent when every rank is present and each household range is non-empty. */
export function validateQuotaRules(rules: QuotaRules): void {
  for (const rank of CADRE_RANKS) {
    const rule = rules[rank];
    if (!rule) throw new InvalidQuotaRuleError(`rules.${rank}`, `rank ${rank} has no rule`);
    if (rule.maxHouseholds !== null && rule.maxHouseholds < rule.minHouseholds) {
      throw new InvalidQuotaRuleError(
        `rules.${rank}.maxHouseholds`,
        'maximum households is below the minimum',
      );
    }
  }
}

/** The rule set in force on a date: the latest version whose `effectiveFrom` is not after it. */
export function ruleSetInForce(sets: readonly QuotaRuleSet[], onDate: string): QuotaRuleSet {
  let best: QuotaRuleSet | null = null;
  for (const set of sets) {
    if (set.effectiveFrom > onDate) continue;
    if (
      !best ||
      set.effectiveFrom > best.effectiveFrom ||
      (set.effectiveFrom === best.effectiveFrom && set.version > best.version)
    ) {
      best = set;
    }
  }
  return best ?? DEFAULT_RULE_SET;
}
