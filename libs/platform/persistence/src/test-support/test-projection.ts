import { type Envelope } from '@lianxin/contracts';
import { type DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { outboxInboxMigrations } from '../outbox/outbox-inbox-migrations';
import { claimInbox } from '../inbox/handle-once';
import { inTransaction, SYSTEM_SCOPE } from '../transaction/in-transaction';
import { type testItemChanged } from './test-topic';
import { type EnvelopeOf } from '@lianxin/contracts';

/** A projection table for tests: applied_count > 1 would mean an event took effect twice. */
export class CreateTestProjection1735689600001 implements MigrationInterface {
  readonly name = 'CreateTestProjection1735689600001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE test_projection (
        event_id uuid PRIMARY KEY,
        aggregate_id uuid NOT NULL,
        sequence integer NOT NULL,
        applied_count integer NOT NULL DEFAULT 1,
        projected_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE test_projection');
  }
}

export const testMigrations = [...outboxInboxMigrations, CreateTestProjection1735689600001];

export type TestItemEnvelope = EnvelopeOf<typeof testItemChanged>;

/**
 * The consumer side of a test pipeline: one transaction for the batch, one inbox row per event,
 * projection rows only for events not seen before. Returns how many were duplicates.
 */
export async function projectBatch(
  dataSource: DataSource,
  consumer: string,
  events: readonly Envelope<unknown>[],
): Promise<number> {
  return inTransaction(dataSource, SYSTEM_SCOPE, async (tx) => {
    const fresh = await claimInbox(
      tx,
      consumer,
      events.map((event) => event.id),
    );
    const applied = (events as readonly TestItemEnvelope[]).filter((event) => fresh.has(event.id));
    if (applied.length > 0) {
      await tx.manager.query(
        `INSERT INTO test_projection (event_id, aggregate_id, sequence)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[])
         ON CONFLICT (event_id) DO UPDATE SET applied_count = test_projection.applied_count + 1`,
        [
          applied.map((event) => event.id),
          applied.map((event) => event.aggregateId),
          applied.map((event) => event.data.sequence),
        ],
      );
    }
    return events.length - fresh.size;
  });
}

export async function projectionStats(dataSource: DataSource): Promise<{ rows: number; maxApplied: number }> {
  const [row] = (await dataSource.query(
    'SELECT count(*)::int AS rows, coalesce(max(applied_count), 0)::int AS "maxApplied" FROM test_projection',
  )) as { rows: number; maxApplied: number }[];
  return row ?? { rows: 0, maxApplied: 0 };
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
