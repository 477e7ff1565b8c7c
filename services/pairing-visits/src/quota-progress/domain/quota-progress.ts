import { dayOfYear, daysInYear, yearOf, type BusinessDate } from '../../shared/domain/business-date';
import { type RankQuota } from '../../quota-rules/domain/quota-rule';

export type QuotaMetric = 'visits' | 'problemsSolved' | 'grassrootsDays';

export const QUOTA_METRICS: readonly QuotaMetric[] = ['visits', 'problemsSolved', 'grassrootsDays'];

export interface Tally {
  readonly visits: number;
  readonly problemsSolved: number;
  readonly grassrootsDays: number;
}

export interface MetricProgress {
  readonly actual: number;
  readonly target: number | null;
  /** What a cadre on a steady pace would have by the reference date. */
  readonly expectedByNow: number | null;
  readonly met: boolean;
  readonly behind: boolean;
}

export type QuotaProgress = Readonly<Record<QuotaMetric, MetricProgress>> & {
  readonly behindSchedule: boolean;
  readonly complete: boolean;
};

/**
 * Share of the year elapsed on `asOf` for quota year `year`: 0 before it starts, 1 after it ends.
 * A past year is judged on its full target; a future year expects nothing yet.
 */
export function elapsedShare(year: number, asOf: BusinessDate): number {
  const asOfYear = yearOf(asOf);
  if (asOfYear < year) return 0;
  if (asOfYear > year) return 1;
  return dayOfYear(asOf) / daysInYear(year);
}

/** Target and pro-rata expectation of one metric on a date (null target: the rank has none). */
export interface MetricSchedule {
  readonly target: number | null;
  readonly expectedByNow: number | null;
}

export type QuotaSchedule = Readonly<Record<QuotaMetric, MetricSchedule>>;

/**
 * Pro-rata schedule: on day d of a year with target T, a cadre is behind when they have done
 * fewer than floor(T × d / days). Flooring gives a grace period: nobody is behind on a target of
 * 4 visits until a quarter of the year has passed without one. The schedule depends only on the
 * rank's quota and the date, so reports over thousands of cadres compute it once per rank (and
 * let Postgres compare the counters with it, see quota-tally.repository.ts).
 */
export function scheduleOf(quota: RankQuota, year: number, asOf: BusinessDate): QuotaSchedule {
  const share = elapsedShare(year, asOf);
  const metric = (target: number | null): MetricSchedule => ({
    target,
    expectedByNow: target === null ? null : Math.floor(target * share),
  });
  return {
    visits: metric(quota.visits),
    problemsSolved: metric(quota.problemsSolved),
    grassrootsDays: metric(quota.grassrootsDays),
  };
}

/** One metric judged against its schedule: met when actual ≥ target, behind when actual < expected. */
export function judge(actual: number, schedule: MetricSchedule): MetricProgress {
  const { target, expectedByNow } = schedule;
  if (target === null || expectedByNow === null)
    return { actual, target, expectedByNow: null, met: true, behind: false };
  return { actual, target, expectedByNow, met: actual >= target, behind: actual < expectedByNow };
}

export function computeProgress(
  quota: RankQuota,
  tally: Tally,
  year: number,
  asOf: BusinessDate,
): QuotaProgress {
  const schedule = scheduleOf(quota, year, asOf);
  const visits = judge(tally.visits, schedule.visits);
  const problemsSolved = judge(tally.problemsSolved, schedule.problemsSolved);
  const grassrootsDays = judge(tally.grassrootsDays, schedule.grassrootsDays);
  return {
    visits,
    problemsSolved,
    grassrootsDays,
    behindSchedule: visits.behind || problemsSolved.behind || grassrootsDays.behind,
    complete: visits.met && problemsSolved.met && grassrootsDays.met,
  };
}

export interface UnitRollup {
  readonly orgPath: string;
  readonly cadres: number;
  readonly behind: number;
  readonly complete: number;
  readonly visits: number;
  readonly problemsSolved: number;
  readonly grassrootsDays: number;
}

/** Sums cadres' progress under each unit path given (a cadre counts in every unit that contains it). */
export function rollUp(
  units: readonly string[],
  cadres: readonly { readonly orgPath: string; readonly tally: Tally; readonly progress: QuotaProgress }[],
): UnitRollup[] {
  return units.map((orgPath) => {
    const inside = cadres.filter((cadre) => cadre.orgPath.startsWith(orgPath));
    return {
      orgPath,
      cadres: inside.length,
      behind: inside.filter((cadre) => cadre.progress.behindSchedule).length,
      complete: inside.filter((cadre) => cadre.progress.complete).length,
      visits: inside.reduce((sum, cadre) => sum + cadre.tally.visits, 0),
      problemsSolved: inside.reduce((sum, cadre) => sum + cadre.tally.problemsSolved, 0),
      grassrootsDays: inside.reduce((sum, cadre) => sum + cadre.tally.grassrootsDays, 0),
    };
  });
}
