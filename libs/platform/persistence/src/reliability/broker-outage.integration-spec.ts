import { createIdempotentProducer, createKafka, ensureTopics } from '@lianxin/platform-messaging';
import {
  createTestDatabase,
  startTestBroker,
  type TestBroker,
  type TestDatabase,
  uniqueId,
} from '@lianxin/testing';
import { type Producer } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';
import { createDataSource } from '../data-source/create-data-source';
import { OutboxRelay } from '../relay/outbox-relay';
import { projectionStats, testMigrations, waitFor } from '../test-support/test-projection';
import { outboxCounts, startProjectionConsumer, writeChanges } from '../test-support/test-pipeline';
import { testTopic } from '../test-support/test-topic';

jest.setTimeout(120_000);

describe('a broker outage', () => {
  let db: TestDatabase;
  let broker: TestBroker;

  beforeAll(async () => {
    db = await createTestDatabase({
      short: 'outage',
      migrations: testMigrations,
      createDataSource: (input) => createDataSource({ ...input, poolSize: 8 }),
    });
    broker = await startTestBroker();
  });
  afterAll(async () => {
    await broker.stop().catch(() => undefined);
    await db.drop();
  });

  it('delays the 1,000 changes written meanwhile, and then every one is applied exactly once', async () => {
    const topic = testTopic(3);
    const kafka = createKafka({ brokers: broker.brokers, clientId: 'outage-spec', logLevel: 'nothing' });
    await ensureTopics(kafka, [topic]);
    const producer: Producer = await createIdempotentProducer(kafka);
    const relay = new OutboxRelay({
      dataSource: db.dataSource,
      producer,
      pollMs: 200,
      backoff: { initialMs: 100, maxMs: 1000 },
      logger: { info: () => undefined, warn: () => undefined },
    });
    await relay.start();
    const consumer = await startProjectionConsumer(kafka, db.dataSource, topic, `outage-${uniqueId()}`);
    try {
      await broker.stop();
      const aggregates = Array.from({ length: 50 }, () => uuidv7());
      await writeChanges(db.dataSource, topic, aggregates, 1000);
      // Every change committed while the broker was away; none could be published.
      expect(await outboxCounts(db.dataSource)).toEqual({ total: 1000, published: 0 });
      // The relay tried meanwhile, failed, and recorded why (then backs off).
      await waitFor(
        async () =>
          ((
            (await db.dataSource.query(
              'SELECT count(*)::int AS n FROM outbox WHERE last_error IS NOT NULL',
            )) as { n: number }[]
          )[0]?.n ?? 0) > 0,
        60_000,
        'a failed publish attempt to be recorded',
      );

      await broker.restart();
      await waitFor(
        async () => (await projectionStats(db.dataSource)).rows === 1000,
        90_000,
        'all 1,000 events in the projection',
      );
      expect(await projectionStats(db.dataSource)).toEqual({ rows: 1000, maxApplied: 1 });
      expect(await outboxCounts(db.dataSource)).toEqual({ total: 1000, published: 1000 });
      const [failures] = (await db.dataSource.query('SELECT max(attempts)::int AS attempts FROM outbox')) as {
        attempts: number;
      }[];
      expect(failures?.attempts).toBeGreaterThan(1); // failed attempt(s) during the outage + the successful one
    } finally {
      await relay.stop();
      await consumer.stop();
      await producer.disconnect();
    }
  });
});
