import { type EntityManager } from 'typeorm';
import { CADRE_RANKS, isCadreRank } from '../../quota-rules/domain/cadre-rank';
import {
  DEFAULT_RULE_SET,
  ruleSetInForce,
  type QuotaRuleSet,
  type RankQuota,
} from '../../quota-rules/domain/quota-rule';
import { QuotaRuleSetOrmEntity } from '../../quota-rules/infrastructure/quota-rule-set.orm-entity';
import { toRuleSet } from '../../quota-rules/infrastructure/quota-rule-set.repository';
import { shanghaiDate } from '../../shared/domain/business-date';
import { computeProgress, scheduleOf } from '../domain/quota-progress';
import { loadTallies, type CadreTallyRow, type RankSchedule } from '../infrastructure/quota-tally.repository';
import { type CadreProgressView } from './quota-progress.schemas';

export interface ProgressPeriod {
  readonly year: number;
  readonly asOf: string;
}

export function periodOf(now: Date, year: number | undefined, asOf: string | undefined): ProgressPeriod {
  const reference = asOf ?? shanghaiDate(now);
  return { year: year ?? Number(reference.slice(0, 4)), asOf: reference };
}

const NO_QUOTA: RankQuota = {
  minHouseholds: 0,
  maxHouseholds: null,
  visits: null,
  problemsSolved: null,
  grassrootsDays: null,
};

/** The rules each district had in force for the period (a past year is judged by the rules at its end). */
export interface PeriodRules {
  readonly period: ProgressPeriod;
  /** Districts with rule sets of their own; every other district uses the seed 000 defaults. */
  readonly byDistrict: ReadonlyMap<string, QuotaRuleSet>;
}

/** One query for every rule set the transaction's scope may read (a district's, or all for the city). */
export async function rulesFor(manager: EntityManager, period: ProgressPeriod): Promise<PeriodRules> {
  const onDate = period.asOf < `${period.year}-12-31` ? period.asOf : `${period.year}-12-31`;
  const sets = new Map<string, QuotaRuleSet[]>();
  for (const row of await manager.getRepository(QuotaRuleSetOrmEntity).find()) {
    const list = sets.get(row.districtId) ?? [];
    list.push(toRuleSet(row));
    sets.set(row.districtId, list);
  }
  const byDistrict = new Map<string, QuotaRuleSet>();
  for (const [districtId, list] of sets) byDistrict.set(districtId, ruleSetInForce(list, onDate));
  return { period, byDistrict };
}

function ruleSetOf(rules: PeriodRules, districtId: string): QuotaRuleSet {
  return rules.byDistrict.get(districtId) ?? DEFAULT_RULE_SET;
}

/** Each rank's schedule on the period's date, per district with rules and once for the defaults. */
export function schedulesOf(rules: PeriodRules): RankSchedule[] {
  const { year, asOf } = rules.period;
  const sets: [string | null, QuotaRuleSet][] = [[null, DEFAULT_RULE_SET], ...rules.byDistrict];
  return sets.flatMap(([districtId, set]) =>
    CADRE_RANKS.map((rank) => ({
      districtId,
      rank,
      schedule: scheduleOf(set.rules[rank] ?? NO_QUOTA, year, asOf),
    })),
  );
}

export const JUDGED_RANKS: readonly string[] = CADRE_RANKS;

/** Progress views of tally rows (each judged by the rules of its own district). */
export function viewsOf(rules: PeriodRules, rows: readonly CadreTallyRow[]): CadreProgressView[] {
  const { year, asOf } = rules.period;
  return rows.map((row) => {
    const set = ruleSetOf(rules, row.districtId);
    const rank = isCadreRank(row.cadreRank) ? row.cadreRank : 'none';
    const progress = computeProgress(set.rules[rank] ?? NO_QUOTA, row, year, asOf);
    return {
      cadreId: row.cadreId,
      orgPath: row.orgPath,
      cadreRank: rank,
      year,
      asOf,
      rulesVersion: set.version,
      ...progress,
    };
  });
}

/** Tallies joined with each district's rules in force, computed here (one cadre, or tests recounting). */
export async function progressFor(
  manager: EntityManager,
  period: ProgressPeriod,
  options: { path: string; cadreId?: string },
): Promise<{ rows: CadreTallyRow[]; views: CadreProgressView[] }> {
  const rows = await loadTallies(manager, {
    path: options.path,
    year: period.year,
    cadreId: options.cadreId,
  });
  const rules = await rulesFor(manager, period);
  return { rows, views: viewsOf(rules, rows) };
}
