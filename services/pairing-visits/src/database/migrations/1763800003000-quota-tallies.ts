import { type MigrationInterface, type QueryRunner } from 'typeorm';

// Quota progress read model. Counting 200,000 visits under row-level security on every request
// costs ~1 s for a district of 20,000 cadres; a per-cadre, per-year tally maintained in the same
// transaction as each change reads in milliseconds. The source rows stay the truth: the tally is
// backfilled from them here, and tests recount them and compare.
//
// Also: the scope predicate becomes an InitPlan (`(SELECT …)`), evaluated once per query instead
// of calling current_setting() for every row.
const TENANT_TABLES = [
  'org_units',
  'members',
  'households',
  'quota_rule_sets',
  'sla_rules',
  'pairings',
  'repairing_tasks',
  'visits',
  'visit_corrections',
  'grassroots_days',
  'practical_matters',
  'tickets',
  'ticket_history',
  'pledges',
  'pledge_evaluations',
  'pledge_reports',
  'spot_checks',
  'spot_check_items',
] as const;

const SCOPE_ONCE = "org_path LIKE (SELECT NULLIF(current_setting('lianxin.scope', true), '')) || '%'";
const SCOPE_PER_ROW = "org_path LIKE NULLIF(current_setting('lianxin.scope', true), '') || '%'";

export class QuotaTallies1763800003000 implements MigrationInterface {
  name = 'QuotaTallies1763800003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE quota_tallies (
        cadre_id uuid NOT NULL,
        year smallint NOT NULL,
        district_id uuid NOT NULL,
        org_path text NOT NULL,
        visits integer NOT NULL,
        practical_matters integer NOT NULL,
        tickets_solved integer NOT NULL,
        grassroots_days integer NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT quota_tallies_pk PRIMARY KEY (cadre_id, year)
      )`);
    await queryRunner.query(`
      INSERT INTO quota_tallies (cadre_id, year, district_id, org_path, visits, practical_matters, tickets_solved, grassroots_days, updated_at)
      SELECT m.id, x.year, m.district_id, m.org_path, sum(x.visits), sum(x.matters), sum(x.tickets), sum(x.days), now()
        FROM (
          SELECT cadre_id AS id, visit_year AS year, 1 AS visits, 0 AS matters, 0 AS tickets, 0 AS days FROM visits WHERE confirmation <> 'not_confirmed'
          UNION ALL SELECT member_id, done_year, 0, 1, 0, 0 FROM practical_matters
          UNION ALL SELECT resolved_by_member_id, resolved_year, 0, 0, 1, 0 FROM tickets
            WHERE resolved_by_member_id IS NOT NULL AND resolution_code IN ('solved', 'partially_solved')
          UNION ALL SELECT cadre_id, served_year, 0, 0, 0, 1 FROM grassroots_days
        ) x JOIN members m ON m.id = x.id
       GROUP BY m.id, x.year, m.district_id, m.org_path`);
    await queryRunner.query('ALTER TABLE quota_tallies ENABLE ROW LEVEL SECURITY');
    await queryRunner.query('ALTER TABLE quota_tallies FORCE ROW LEVEL SECURITY');
    await queryRunner.query(
      `CREATE POLICY quota_tallies_scope ON quota_tallies USING (${SCOPE_ONCE}) WITH CHECK (${SCOPE_ONCE})`,
    );
    for (const table of TENANT_TABLES) {
      await queryRunner.query(
        `ALTER POLICY ${table}_scope ON ${table} USING (${SCOPE_ONCE}) WITH CHECK (${SCOPE_ONCE})`,
      );
    }
    await queryRunner.query(`
      DO $$
      DECLARE app_role text := regexp_replace(current_user, '_owner$', '_app');
      BEGIN
        IF app_role <> current_user AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app_role) THEN
          EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON quota_tallies TO %I', app_role);
        END IF;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TENANT_TABLES) {
      await queryRunner.query(
        `ALTER POLICY ${table}_scope ON ${table} USING (${SCOPE_PER_ROW}) WITH CHECK (${SCOPE_PER_ROW})`,
      );
    }
    await queryRunner.query('DROP TABLE quota_tallies');
  }
}
