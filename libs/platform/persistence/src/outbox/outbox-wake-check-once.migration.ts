import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { OUTBOX_CHANNEL } from './outbox-inbox.migration';

/** Transaction-local flag: this transaction already decided whether to wake the relay. */
const WAKE_DECIDED = 'lianxin.outbox_wake_decided';

/** OutboxNotifyWhenIdle's check: wake the relay when this statement's rows are the only unpublished ones. */
const WAKE_IF_IDLE = `
        IF NOT EXISTS (
          SELECT 1 FROM outbox pending
          WHERE pending.published_at IS NULL AND pending.id NOT IN (SELECT id FROM inserted_rows)
        ) THEN
          PERFORM pg_notify('${OUTBOX_CHANNEL}', '');
        END IF;`;

/**
 * The idle check of OutboxNotifyWhenIdle runs once per transaction instead of once per statement.
 *
 * Measured (ADR 0009, session 5): a batch of diary entries inserts one outbox row per entry, each
 * in its own statement, and the check — a walk of the unpublished-rows index, which under load is
 * full of entries for rows the relay already marked published — cost 0.30 ms per entry, half of
 * the entry's own statement.
 *
 * Only the first outbox statement of a transaction could ever notify: for every later one, the
 * first one's rows are unpublished rows outside its own `inserted_rows`. So skipping the check
 * after the first changes nothing, with one case to keep: a first statement inside a
 * subtransaction that rolls back. `set_config(..., true)` is undone with the subtransaction (like
 * the queued NOTIFY), so the next statement checks again.
 */
export class OutboxWakeCheckOnce1735689600200 implements MigrationInterface {
  readonly name = 'OutboxWakeCheckOnce1735689600200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('${WAKE_DECIDED}', true) = 'on' THEN
          RETURN NULL;
        END IF;
        PERFORM set_config('${WAKE_DECIDED}', 'on', true);
        ${WAKE_IF_IDLE}
        RETURN NULL;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${WAKE_IF_IDLE}
        RETURN NULL;
      END $$`);
  }
}
