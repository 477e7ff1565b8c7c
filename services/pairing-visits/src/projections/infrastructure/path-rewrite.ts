import { type EntityManager } from 'typeorm';

// Path columns of every table: a unit move (townships merged) rewrites the whole subtree so scope
// checks and rollups keep working. Codes never contain `_` or `%`, so LIKE is an exact prefix test.
const PATH_COLUMNS: readonly (readonly [string, string])[] = [
  ['org_units', 'org_path'],
  ['members', 'org_path'],
  ['households', 'org_path'],
  ['pairings', 'org_path'],
  ['pairings', 'cadre_org_path'],
  ['repairing_tasks', 'org_path'],
  ['visits', 'org_path'],
  ['visits', 'cadre_org_path'],
  ['visit_corrections', 'org_path'],
  ['grassroots_days', 'org_path'],
  ['practical_matters', 'org_path'],
  ['practical_matters', 'member_org_path'],
  ['tickets', 'org_path'],
  ['ticket_history', 'org_path'],
  ['pledges', 'org_path'],
  ['pledge_evaluations', 'org_path'],
  ['pledge_reports', 'org_path'],
  ['spot_checks', 'org_path'],
  ['spot_check_items', 'org_path'],
  ['quota_tallies', 'org_path'],
];

export async function rewriteSubtreePaths(
  manager: EntityManager,
  previousPath: string,
  path: string,
  districtId: string,
): Promise<void> {
  for (const [table, column] of PATH_COLUMNS) {
    const setDistrict = column === 'org_path' ? ', district_id = $3' : '';
    await manager.query(
      `UPDATE ${table} SET ${column} = $2 || substr(${column}, length($1) + 1)${setDistrict} WHERE ${column} LIKE $1 || '%'`,
      setDistrict ? [previousPath, path, districtId] : [previousPath, path],
    );
  }
}
