import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { OUTBOX_CHANNEL } from './outbox-inbox.migration';

/**
 * Measured (ADR 0004): a NOTIFY in every writing transaction halves write throughput with durable
 * commits, because Postgres serialises the commits of notifying transactions (a database-wide lock
 * from the queue insert through the commit record's flush), which defeats group commit.
 *
 * So the trigger notifies only when this statement's rows are the only unpublished ones committed
 * so far, i.e. when the relay has caught up and is (about to be) waiting. Under load the relay
 * never waits (it polls again right after every non-empty batch), so no notifications are needed.
 * The one race (a row committed just after the relay's last empty poll, whose trigger still saw
 * the relay's previous batch unpublished) is covered by the relay's poll interval.
 *
 * Also replaces the published_at index: cleanup walks `seq` instead, so marking rows published
 * maintains one index fewer.
 */
export class OutboxNotifyWhenIdle1735689600100 implements MigrationInterface {
  readonly name = 'OutboxNotifyWhenIdle1735689600100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER outbox_notify ON outbox');
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (
          SELECT 1 FROM outbox pending
          WHERE pending.published_at IS NULL AND pending.id NOT IN (SELECT id FROM inserted_rows)
        ) THEN
          PERFORM pg_notify('${OUTBOX_CHANNEL}', '');
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      'CREATE TRIGGER outbox_notify AFTER INSERT ON outbox REFERENCING NEW TABLE AS inserted_rows FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()',
    );
    await queryRunner.query('DROP INDEX outbox_published_at');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX outbox_published_at ON outbox (published_at) WHERE published_at IS NOT NULL',
    );
    await queryRunner.query('DROP TRIGGER outbox_notify ON outbox');
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${OUTBOX_CHANNEL}', '');
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      'CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()',
    );
  }
}
