import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Channel the insert trigger notifies and the relay listens on. */
export const OUTBOX_CHANNEL = 'lianxin_outbox';

/**
 * System tables for the outbox and the inbox (ADR 0004). No row-level security: they hold no
 * tenant data of their own, and the relay and consumers run as system actors.
 *
 * Grants: the app role gets its DML through the default privileges provisionServiceDatabase sets
 * for `<short>_owner`. Where a database was provisioned some other way, the DO block grants
 * explicitly to `<short>_app` when the migration runs as `<short>_owner` and that role exists.
 */
export class CreateOutboxAndInbox1735689600000 implements MigrationInterface {
  readonly name = 'CreateOutboxAndInbox1735689600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox (
        id uuid PRIMARY KEY,
        -- Publication order. Ids are UUIDv7 from many processes (clock skew); a sequence is the
        -- order in which the rows of one aggregate were written, which is the order that matters.
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        topic text NOT NULL,
        key text,
        headers jsonb NOT NULL DEFAULT '{}'::jsonb,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    // The relay only ever scans unpublished rows; keep that index small.
    await queryRunner.query('CREATE INDEX outbox_unpublished_seq ON outbox (seq) WHERE published_at IS NULL');
    await queryRunner.query(
      'CREATE INDEX outbox_published_at ON outbox (published_at) WHERE published_at IS NOT NULL',
    );
    await queryRunner.query(`
      CREATE TABLE inbox (
        consumer text NOT NULL,
        event_id uuid NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
    // One notification per inserting statement (Postgres also folds identical ones per
    // transaction), so a busy writer costs the relay one wake-up, not one per row.
    await queryRunner.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${OUTBOX_CHANNEL}', '');
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      'CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()',
    );
    await queryRunner.query(`
      DO $$
      DECLARE app_role text := regexp_replace(current_user, '_owner$', '_app');
      BEGIN
        IF app_role <> current_user AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app_role) THEN
          EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON outbox TO %I', app_role);
          EXECUTE format('GRANT SELECT, INSERT ON inbox TO %I', app_role);
        END IF;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE inbox');
    await queryRunner.query('DROP TRIGGER outbox_notify ON outbox');
    await queryRunner.query('DROP FUNCTION outbox_notify()');
    await queryRunner.query('DROP TABLE outbox');
  }
}
