import { type MigrationInterface, type QueryRunner } from 'typeorm';

// Households sit on their village's path and Party branches below villages
// (`/lx/taoyuan/dahe/v-hongqi/b-01/`). A branch serves its village's households (DOMAIN §2: the
// first member asked resolves or escalates to the branch; the branch secretary accepts), so a
// scope below a village also reaches the rows placed exactly on that village: its households and
// what hangs on them (pairings, re-pairing tasks, visits and their corrections, tickets and their
// history, practical matters). Not the rows of the village's other branches (members, pledges,
// grassroots days sit on their own branch paths), nor any other village (ADR 0009).
//
// The village is the nearest ancestor of the scope whose org unit has level `village`, read from
// the org-unit projection, so a branch directly under a township (a 机关支部) reaches nothing
// more. A second permissive policy per table, named so it sorts after `<table>_scope`: Postgres
// ORs permissive policies in name order, and the village lookup (an InitPlan) only runs when a
// row is not already inside the scope.
const VILLAGE_PLACED_TABLES = [
  'households',
  'pairings',
  'repairing_tasks',
  'visits',
  'visit_corrections',
  'practical_matters',
  'tickets',
  'ticket_history',
] as const;

const SCOPE = "NULLIF(current_setting('lianxin.scope', true), '')";
const VILLAGE_OF_SCOPE = `org_path = (SELECT pairing_village_above(${SCOPE}))`;

export class BranchVillageReach1763800004000 implements MigrationInterface {
  name = 'BranchVillageReach1763800004000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The village org unit a scope lies strictly below, or NULL (a village, township, district or
    // city scope; a branch not under a village; an unset scope).
    await queryRunner.query(`
      CREATE FUNCTION pairing_village_above(scope text) RETURNS text
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT u.org_path
          FROM org_units u
         WHERE u.level = 'village'
           AND u.org_path IN (
             SELECT left(scope, p) FROM generate_series(2, length(scope) - 1) p WHERE substr(scope, p, 1) = '/'
           )
         ORDER BY length(u.org_path) DESC
         LIMIT 1
      $$`);
    // The lookup runs with the caller's RLS: a scope may read the village unit it lies below.
    await queryRunner.query(
      `CREATE POLICY org_units_scope_village ON org_units FOR SELECT
         USING (level = 'village' AND (SELECT ${SCOPE}) LIKE org_path || '%')`,
    );
    for (const table of VILLAGE_PLACED_TABLES) {
      await queryRunner.query(
        `CREATE POLICY ${table}_scope_village ON ${table} USING (${VILLAGE_OF_SCOPE}) WITH CHECK (${VILLAGE_OF_SCOPE})`,
      );
    }
    await queryRunner.query(`
      DO $$
      DECLARE app_role text := regexp_replace(current_user, '_owner$', '_app');
      BEGIN
        IF app_role <> current_user AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app_role) THEN
          EXECUTE format('GRANT EXECUTE ON FUNCTION pairing_village_above(text) TO %I', app_role);
        END IF;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...VILLAGE_PLACED_TABLES].reverse()) {
      await queryRunner.query(`DROP POLICY ${table}_scope_village ON ${table}`);
    }
    await queryRunner.query('DROP POLICY org_units_scope_village ON org_units');
    await queryRunner.query('DROP FUNCTION pairing_village_above(text)');
  }
}
