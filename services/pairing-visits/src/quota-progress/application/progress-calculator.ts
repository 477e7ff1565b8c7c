import { type EntityManager } from 'typeorm';
import { isCadreRank } from '../../quota-rules/domain/cadre-rank';
import { type QuotaRuleSet } from '../../quota-rules/domain/quota-rule';
import { ruleSetFor } from '../../quota-rules/infrastructure/quota-rule-set.repository';
import { shanghaiDate } from '../../shared/domain/business-date';
import { computeProgress } from '../domain/quota-progress';
import { loadTallies, type CadreTallyRow } from '../infrastructure/quota-tally.repository';
import { type CadreProgressView } from './quota-progress.schemas';

export interface ProgressPeriod {
  readonly year: number;
  readonly asOf: string;
}

export function periodOf(now: Date, year: number | undefined, asOf: string | undefined): ProgressPeriod {
  const reference = asOf ?? shanghaiDate(now);
  return { year: year ?? Number(reference.slice(0, 4)), asOf: reference };
}

/** Tallies joined with each district's rules in force (a past year is judged by the rules at its end). */
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
  const onDate = period.asOf < `${period.year}-12-31` ? period.asOf : `${period.year}-12-31`;
  const rulesByDistrict = new Map<string, QuotaRuleSet>();
  for (const districtId of new Set(rows.map((row) => row.districtId))) {
    rulesByDistrict.set(districtId, await ruleSetFor(manager, districtId, onDate));
  }
  const views = rows.map((row) => {
    const set = rulesByDistrict.get(row.districtId);
    const rank = isCadreRank(row.cadreRank) ? row.cadreRank : 'none';
    const quota = (set ?? { rules: undefined })?.rules?.[rank];
    const progress = computeProgress(
      quota ?? {
        minHouseholds: 0,
        maxHouseholds: null,
        visits: null,
        problemsSolved: null,
        grassrootsDays: null,
      },
      row,
      period.year,
      period.asOf,
    );
    return {
      cadreId: row.cadreId,
      orgPath: row.orgPath,
      cadreRank: rank,
      year: period.year,
      asOf: period.asOf,
      rulesVersion: set?.version ?? 0,
      ...progress,
    };
  });
  return { rows, views };
}
