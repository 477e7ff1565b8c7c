import { type EntityManager } from 'typeorm';
import { type QuotaSchedule, type Tally, type UnitRollup } from '../domain/quota-progress';

export interface CadreTallyRow extends Tally {
  readonly cadreId: string;
  readonly orgPath: string;
  readonly districtId: string;
  readonly cadreRank: string;
}

/**
 * Counters per cadre for one year, read from the tallies maintained with each change (see
 * quota-tally.writer.ts). What counts:
 * - visits: diary entries, except those a household denied on a call-back;
 * - problems solved: practical matters done plus tickets resolved as solved or partially solved;
 * - grassroots days: one per cadre per date.
 * Cadres are the active members with a rank under `path` (or the one cadre asked for).
 */
export async function loadTallies(
  manager: EntityManager,
  options: { path: string; year: number; cadreId?: string },
): Promise<CadreTallyRow[]> {
  return (await manager.query(
    `SELECT c.id AS "cadreId", c.org_path AS "orgPath", c.district_id AS "districtId", c.cadre_rank AS "cadreRank",
            COALESCE(t.visits, 0) AS visits, COALESCE(t.practical_matters + t.tickets_solved, 0) AS "problemsSolved",
            COALESCE(t.grassroots_days, 0) AS "grassrootsDays"
       FROM members c
       LEFT JOIN quota_tallies t ON t.cadre_id = c.id AND t.year = $2
      WHERE c.status = 'active' AND c.org_path LIKE $1 || '%'
        AND ($3::uuid IS NULL OR c.id = $3) AND ($3::uuid IS NOT NULL OR c.cadre_rank <> 'none')
      ORDER BY c.org_path, c.id`,
    [options.path, options.year, options.cadreId ?? null],
  )) as CadreTallyRow[];
}

/**
 * The same counters recounted from the source rows. The tallies must always equal this; tests
 * compare the two, and an operator can use it to check (or rebuild) the read model.
 */
export async function recountTallies(
  manager: EntityManager,
  year: number,
): Promise<{ cadreId: string; visits: number; problemsSolved: number; grassrootsDays: number }[]> {
  return (await manager.query(
    `SELECT id AS "cadreId", sum(visits)::int AS visits, sum(solved)::int AS "problemsSolved", sum(days)::int AS "grassrootsDays"
       FROM (
         SELECT cadre_id AS id, 1 AS visits, 0 AS solved, 0 AS days FROM visits WHERE visit_year = $1 AND confirmation <> 'not_confirmed'
         UNION ALL SELECT member_id, 0, 1, 0 FROM practical_matters WHERE done_year = $1
         UNION ALL SELECT resolved_by_member_id, 0, 1, 0 FROM tickets
           WHERE resolved_year = $1 AND resolved_by_member_id IS NOT NULL AND resolution_code IN ('solved', 'partially_solved')
         UNION ALL SELECT cadre_id, 0, 0, 1 FROM grassroots_days WHERE served_year = $1
       ) x
      GROUP BY id ORDER BY id`,
    [year],
  )) as { cadreId: string; visits: number; problemsSolved: number; grassrootsDays: number }[];
}

/** The pro-rata schedule of one rank in one district (`districtId` null: districts without rules of their own). */
export interface RankSchedule {
  readonly districtId: string | null;
  readonly rank: string;
  readonly schedule: QuotaSchedule;
}

/**
 * Every active cadre under $1 with their counters for year $2, judged in SQL against the schedule
 * of their rank in their district ($3, a handful of rows computed by scheduleOf): `behind` and
 * `complete` mean exactly what computeProgress says (tests compare the two). Reports over a whole
 * district then send a few rows to the service instead of 20,000. Ranks not in $4 count as `none`.
 */
const JUDGED_CADRES = `
  WITH schedule AS (
    SELECT * FROM jsonb_to_recordset($3::jsonb)
      AS s(district_id uuid, rank text, tv int, ev int, tp int, ep int, td int, ed int)
  ), cadre AS (
    SELECT m.id, m.org_path, m.district_id, m.cadre_rank,
           CASE WHEN m.cadre_rank = ANY ($4::text[]) THEN m.cadre_rank ELSE 'none' END AS rank,
           COALESCE(t.visits, 0) AS visits,
           COALESCE(t.practical_matters + t.tickets_solved, 0) AS solved,
           COALESCE(t.grassroots_days, 0) AS days
      FROM members m
      LEFT JOIN quota_tallies t ON t.cadre_id = m.id AND t.year = $2
     WHERE m.status = 'active' AND m.org_path LIKE $1 || '%' AND m.cadre_rank <> 'none'
  ), judged AS (
    SELECT c.*,
           (s.ev IS NOT NULL AND c.visits < s.ev) OR (s.ep IS NOT NULL AND c.solved < s.ep)
             OR (s.ed IS NOT NULL AND c.days < s.ed) AS behind,
           (s.tv IS NULL OR c.visits >= s.tv) AND (s.tp IS NULL OR c.solved >= s.tp)
             AND (s.td IS NULL OR c.days >= s.td) AS complete
      FROM cadre c
      LEFT JOIN schedule d ON d.district_id = c.district_id AND d.rank = c.rank
      LEFT JOIN schedule z ON z.district_id IS NULL AND z.rank = c.rank
      CROSS JOIN LATERAL (
        SELECT CASE WHEN d.rank IS NULL THEN z.tv ELSE d.tv END AS tv, CASE WHEN d.rank IS NULL THEN z.ev ELSE d.ev END AS ev,
               CASE WHEN d.rank IS NULL THEN z.tp ELSE d.tp END AS tp, CASE WHEN d.rank IS NULL THEN z.ep ELSE d.ep END AS ep,
               CASE WHEN d.rank IS NULL THEN z.td ELSE d.td END AS td, CASE WHEN d.rank IS NULL THEN z.ed ELSE d.ed END AS ed
      ) s
  )`;

function scheduleParameters(schedules: readonly RankSchedule[], ranks: readonly string[]): unknown[] {
  return [
    JSON.stringify(
      schedules.map(({ districtId, rank, schedule }) => ({
        district_id: districtId,
        rank,
        tv: schedule.visits.target,
        ev: schedule.visits.expectedByNow,
        tp: schedule.problemsSolved.target,
        ep: schedule.problemsSolved.expectedByNow,
        td: schedule.grassrootsDays.target,
        ed: schedule.grassrootsDays.expectedByNow,
      })),
    ),
    ranks,
  ];
}

/** A unit rollup's sums, for the direct child of the report's unit named by its path segment. */
export interface JudgedSummary extends Omit<UnitRollup, 'orgPath'> {
  /** The first path segment below the report's unit, or null for cadres placed on the unit itself. */
  readonly child: string | null;
}

/** Cadres under `path` judged against their schedules and summed per direct child of `path`. */
export async function summariseJudgedTallies(
  manager: EntityManager,
  options: { path: string; year: number; schedules: readonly RankSchedule[]; ranks: readonly string[] },
): Promise<JudgedSummary[]> {
  return (await manager.query(
    `${JUDGED_CADRES}
     SELECT CASE WHEN length(org_path) > length($1) THEN split_part(substr(org_path, length($1) + 1), '/', 1) END AS child,
            count(*)::int AS cadres, (count(*) FILTER (WHERE behind))::int AS behind,
            (count(*) FILTER (WHERE complete))::int AS complete, sum(visits)::int AS visits,
            sum(solved)::int AS "problemsSolved", sum(days)::int AS "grassrootsDays"
       FROM judged
      GROUP BY 1`,
    [options.path, options.year, ...scheduleParameters(options.schedules, options.ranks)],
  )) as JudgedSummary[];
}

/** How many cadres under `path` were judged, how many are behind, and one page of those behind (path, id order). */
export async function loadBehindTallies(
  manager: EntityManager,
  options: {
    path: string;
    year: number;
    schedules: readonly RankSchedule[];
    ranks: readonly string[];
    offset: number;
    limit: number;
  },
): Promise<{ checked: number; behind: number; page: CadreTallyRow[] }> {
  const rows = (await manager.query(
    `${JUDGED_CADRES}
     SELECT n.checked, n.behind, p.id AS "cadreId", p.org_path AS "orgPath", p.district_id AS "districtId",
            p.cadre_rank AS "cadreRank", p.visits, p.solved AS "problemsSolved", p.days AS "grassrootsDays"
       FROM (SELECT count(*)::int AS checked, (count(*) FILTER (WHERE behind))::int AS behind FROM judged) n
       LEFT JOIN LATERAL (
         SELECT * FROM judged WHERE behind ORDER BY org_path, id OFFSET $5 LIMIT $6
       ) p ON true`,
    [
      options.path,
      options.year,
      ...scheduleParameters(options.schedules, options.ranks),
      options.offset,
      options.limit,
    ],
  )) as (Omit<CadreTallyRow, 'cadreId'> & { cadreId: string | null; checked: number; behind: number })[];
  const first = rows[0];
  return {
    checked: first?.checked ?? 0,
    behind: first?.behind ?? 0,
    page: rows
      .filter((row): row is typeof row & { cadreId: string } => row.cadreId !== null)
      .map(({ cadreId, orgPath, districtId, cadreRank, visits, problemsSolved, grassrootsDays }) => ({
        cadreId,
        orgPath,
        districtId,
        cadreRank,
        visits,
        problemsSolved,
        grassrootsDays,
      })),
  };
}
