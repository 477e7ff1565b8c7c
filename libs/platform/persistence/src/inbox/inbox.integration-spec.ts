import { createTestDatabase, type TestDatabase } from '@lianxin/testing';
import { v7 as uuidv7 } from 'uuid';
import { createDataSource } from '../data-source/create-data-source';
import { inTransaction, SYSTEM_SCOPE } from '../transaction/in-transaction';
import { testMigrations } from '../test-support/test-projection';
import { claimInbox, handleOnce } from './handle-once';

jest.setTimeout(60_000);

describe('inbox', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({
      short: 'inbox',
      migrations: testMigrations,
      createDataSource: (input) => createDataSource({ ...input, poolSize: 4 }),
    });
  });
  afterAll(() => db.drop());

  const applyOnce = (consumer: string, eventId: string, delayMs = 0) =>
    inTransaction(db.dataSource, SYSTEM_SCOPE, (tx) =>
      handleOnce(tx, { consumer, eventId }, async () => {
        await tx.manager.query(
          `INSERT INTO test_projection (event_id, aggregate_id, sequence) VALUES ($1, $1, 1)
           ON CONFLICT (event_id) DO UPDATE SET applied_count = test_projection.applied_count + 1`,
          [eventId],
        );
        if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      }),
    );
  const appliedCount = async (eventId: string): Promise<number> =>
    (
      (await db.dataSource.query('SELECT applied_count FROM test_projection WHERE event_id = $1', [
        eventId,
      ])) as { applied_count: number }[]
    )[0]?.applied_count ?? 0;

  it('applies an event once and reports its redelivery as a duplicate', async () => {
    const eventId = uuidv7();
    expect(await applyOnce('projection-a', eventId)).toBe('applied');
    expect(await applyOnce('projection-a', eventId)).toBe('duplicate');
    expect(await appliedCount(eventId)).toBe(1);
  });

  it('lets two different consumers each apply the same event', async () => {
    const eventId = uuidv7();
    expect(await applyOnce('projection-a', eventId)).toBe('applied');
    expect(await applyOnce('projection-b', eventId)).toBe('applied');
  });

  it('applies concurrent deliveries of one event once (the second waits for the first to commit)', async () => {
    const eventId = uuidv7();
    const outcomes = await Promise.all([
      applyOnce('projection-c', eventId, 200),
      applyOnce('projection-c', eventId, 200),
    ]);
    expect(outcomes.sort()).toEqual(['applied', 'duplicate']);
    expect(await appliedCount(eventId)).toBe(1);
  });

  it('forgets the inbox row when the projection transaction rolls back, so a retry applies it', async () => {
    const eventId = uuidv7();
    await expect(
      inTransaction(db.dataSource, SYSTEM_SCOPE, (tx) =>
        handleOnce(tx, { consumer: 'projection-d', eventId }, () =>
          Promise.reject(new Error('projection failed')),
        ),
      ),
    ).rejects.toThrow('projection failed');
    expect(await applyOnce('projection-d', eventId)).toBe('applied');
  });

  it('claims a batch in one statement, returning only the events not seen before', async () => {
    const seen = uuidv7();
    const fresh = [uuidv7(), uuidv7()];
    await applyOnce('projection-e', seen);
    const claimed = await inTransaction(db.dataSource, SYSTEM_SCOPE, (tx) =>
      claimInbox(tx, 'projection-e', [seen, ...fresh, fresh[0] ?? '']),
    );
    expect([...claimed].sort()).toEqual([...fresh].sort());
  });
});
