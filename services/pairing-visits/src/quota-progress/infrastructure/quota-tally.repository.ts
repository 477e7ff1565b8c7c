import { type EntityManager } from 'typeorm';
import { type Tally } from '../domain/quota-progress';

export interface CadreTallyRow extends Tally {
  readonly cadreId: string;
  readonly orgPath: string;
  readonly districtId: string;
  readonly cadreRank: string;
}

/**
 * Counts per cadre for one year, straight from the source rows (one diary entry feeds every
 * counter; nothing is stored twice, so nothing can drift):
 * - visits: diary entries, except those a household denied on a call-back;
 * - problems solved: practical matters done, plus tickets resolved as solved or partially
 *   solved that did not already produce a practical matter (so one piece of work counts once);
 * - grassroots days: one per cadre per date.
 * Cadres are the active members with a rank under `path` (or the one cadre asked for).
 */
export async function loadTallies(
  manager: EntityManager,
  options: { path: string; year: number; cadreId?: string },
): Promise<CadreTallyRow[]> {
  return (await manager.query(
    `WITH cadres AS (
       SELECT id, org_path, district_id, cadre_rank FROM members
        WHERE status = 'active' AND org_path LIKE $1 || '%' AND ($3::uuid IS NULL OR id = $3)
          AND ($3::uuid IS NOT NULL OR cadre_rank <> 'none')
     ), districts AS (SELECT DISTINCT district_id FROM cadres),
     v AS (
       SELECT cadre_id, count(*)::int AS n FROM visits
        WHERE district_id IN (SELECT district_id FROM districts) AND visit_year = $2 AND confirmation <> 'not_confirmed'
          AND ($3::uuid IS NULL OR cadre_id = $3)
        GROUP BY cadre_id
     ), pm AS (
       SELECT member_id, count(*)::int AS n FROM practical_matters
        WHERE district_id IN (SELECT district_id FROM districts) AND done_year = $2 AND ($3::uuid IS NULL OR member_id = $3)
        GROUP BY member_id
     ), t AS (
       SELECT resolved_by_member_id AS member_id, count(*)::int AS n FROM tickets tk
        WHERE district_id IN (SELECT district_id FROM districts) AND resolved_year = $2
          AND resolved_by_member_id IS NOT NULL AND resolution_code IN ('solved', 'partially_solved')
          AND ($3::uuid IS NULL OR resolved_by_member_id = $3)
          AND NOT EXISTS (SELECT 1 FROM practical_matters p WHERE p.ticket_id = tk.id)
        GROUP BY resolved_by_member_id
     ), g AS (
       SELECT cadre_id, count(*)::int AS n FROM grassroots_days
        WHERE district_id IN (SELECT district_id FROM districts) AND served_year = $2 AND ($3::uuid IS NULL OR cadre_id = $3)
        GROUP BY cadre_id
     )
     SELECT c.id AS "cadreId", c.org_path AS "orgPath", c.district_id AS "districtId", c.cadre_rank AS "cadreRank",
            COALESCE(v.n, 0) AS visits, COALESCE(pm.n, 0) + COALESCE(t.n, 0) AS "problemsSolved", COALESCE(g.n, 0) AS "grassrootsDays"
       FROM cadres c
       LEFT JOIN v ON v.cadre_id = c.id
       LEFT JOIN pm ON pm.member_id = c.id
       LEFT JOIN t ON t.member_id = c.id
       LEFT JOIN g ON g.cadre_id = c.id
      ORDER BY c.org_path, c.id`,
    [options.path, options.year, options.cadreId ?? null],
  )) as CadreTallyRow[];
}
