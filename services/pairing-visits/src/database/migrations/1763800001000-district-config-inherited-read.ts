import { type MigrationInterface, type QueryRunner } from 'typeorm';

// District configuration (quota rules, ticket SLA rules) lives on the district's path, but it
// applies to everything below: a township admin computing progress or opening a ticket must read
// the district's rules. A second, SELECT-only policy lets a scope read rows of its ancestors;
// writes still need the row inside the scope (the original policy's WITH CHECK).
const CONFIG_TABLES = ['quota_rule_sets', 'sla_rules'] as const;

export class DistrictConfigInheritedRead1763800001000 implements MigrationInterface {
  name = 'DistrictConfigInheritedRead1763800001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of CONFIG_TABLES) {
      await queryRunner.query(
        `CREATE POLICY ${table}_inherited_read ON ${table} FOR SELECT USING (NULLIF(current_setting('lianxin.scope', true), '') LIKE org_path || '%')`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of CONFIG_TABLES) {
      await queryRunner.query(`DROP POLICY ${table}_inherited_read ON ${table}`);
    }
  }
}
