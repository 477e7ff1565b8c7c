import { type EntityManager } from 'typeorm';
import { type Tally } from '../domain/quota-progress';

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
