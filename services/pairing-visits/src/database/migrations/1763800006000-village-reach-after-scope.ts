import { type MigrationInterface, type QueryRunner } from 'typeorm';

// Migration 1763800004000 gave each village-placed table a second permissive policy,
// `<table>_scope_village`, expecting Postgres to test it only for rows outside the scope. It does
// not: Postgres ORs a table's permissive policies in an order of its own, and here the village arm
// came first, so every read and every insert of a household, visit, ticket… ran the village lookup
// — a re-planned SQL function over `org_units` (0.2–1.8 ms) — even for a district admin's rows.
// Measured with pg_stat_statements while logging visits: two lookups per diary entry, and
// 1,000 → 1,600 entries/s once they were gone (ADR 0009, "measured").
//
// So each table gets one policy whose expression states the order: the scope prefix first, the
// village lookup only when that is false (an InitPlan runs on its first use, so a row inside the
// scope never starts it). And the lookup becomes plpgsql, whose query plan is cached per session,
// for the branch secretaries who do need it. Who can see and write what is unchanged.
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
const IN_SCOPE = `org_path LIKE (SELECT ${SCOPE}) || '%'`;
const ON_VILLAGE_OF_SCOPE = `org_path = (SELECT pairing_village_above(${SCOPE}))`;
const IN_REACH = `${IN_SCOPE} OR ${ON_VILLAGE_OF_SCOPE}`;

const VILLAGE_ABOVE_BODY = `
  SELECT u.org_path
    FROM org_units u
   WHERE u.level = 'village'
     AND u.org_path IN (
       SELECT left(scope, p) FROM generate_series(2, length(scope) - 1) p WHERE substr(scope, p, 1) = '/'
     )
   ORDER BY length(u.org_path) DESC
   LIMIT 1`;

export class VillageReachAfterScope1763800006000 implements MigrationInterface {
  name = 'VillageReachAfterScope1763800006000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Same signature, so grants and the policies' references stay; only the language changes.
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION pairing_village_above(scope text) RETURNS text
      LANGUAGE plpgsql STABLE PARALLEL SAFE AS $fn$
      BEGIN
        RETURN (${VILLAGE_ABOVE_BODY});
      END
      $fn$`);
    for (const table of VILLAGE_PLACED_TABLES) {
      await queryRunner.query(`DROP POLICY ${table}_scope_village ON ${table}`);
      await queryRunner.query(`DROP POLICY ${table}_scope ON ${table}`);
      await queryRunner.query(
        `CREATE POLICY ${table}_scope ON ${table} USING (${IN_REACH}) WITH CHECK (${IN_REACH})`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...VILLAGE_PLACED_TABLES].reverse()) {
      await queryRunner.query(`DROP POLICY ${table}_scope ON ${table}`);
      await queryRunner.query(
        `CREATE POLICY ${table}_scope ON ${table} USING (${IN_SCOPE}) WITH CHECK (${IN_SCOPE})`,
      );
      await queryRunner.query(
        `CREATE POLICY ${table}_scope_village ON ${table} USING (${ON_VILLAGE_OF_SCOPE}) WITH CHECK (${ON_VILLAGE_OF_SCOPE})`,
      );
    }
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION pairing_village_above(scope text) RETURNS text
      LANGUAGE sql STABLE PARALLEL SAFE AS $fn$${VILLAGE_ABOVE_BODY}
      $fn$`);
  }
}
