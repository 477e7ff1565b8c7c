import { createIdempotencyTableSql, dropIdempotencyTableSql } from '@lianxin/platform-http';
import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Responses of `@Idempotent()` creates, replayed when a client resends the same Idempotency-Key. */
export class IdempotencyKeys1763800002000 implements MigrationInterface {
  name = 'IdempotencyKeys1763800002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of createIdempotencyTableSql()) await queryRunner.query(statement);
    await queryRunner.query(`
      DO $$
      DECLARE app_role text := regexp_replace(current_user, '_owner$', '_app');
      BEGIN
        IF app_role <> current_user AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app_role) THEN
          EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO %I', app_role);
        END IF;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of dropIdempotencyTableSql()) await queryRunner.query(statement);
  }
}
