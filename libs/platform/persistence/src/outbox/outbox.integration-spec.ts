import { ContractValidationError } from '@lianxin/contracts';
import { createIdempotentProducer, createKafka, ensureTopics } from '@lianxin/platform-messaging';
import { createTestDatabase, getTestInfra, type TestDatabase } from '@lianxin/testing';
import { type Kafka, type Producer } from 'kafkajs';
import { Client } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { createDataSource } from '../data-source/create-data-source';
import { OutboxRelay } from '../relay/outbox-relay';
import { type TransactionContext, inTransaction } from '../transaction/in-transaction';
import { queryPrepared } from '../transaction/query-prepared';
import { OUTBOX_CHANNEL } from './outbox-inbox.migration';
import { collectMessages } from '../test-support/collect-messages';
import { testMigrations } from '../test-support/test-projection';
import { testEnvelope, testTopic } from '../test-support/test-topic';

jest.setTimeout(60_000);

describe('transactional outbox', () => {
  let db: TestDatabase;
  let kafka: Kafka;
  let producer: Producer;

  beforeAll(async () => {
    db = await createTestDatabase({
      short: 'outbox',
      migrations: testMigrations,
      createDataSource: (input) => createDataSource({ ...input, poolSize: 4 }),
    });
    kafka = createKafka({
      brokers: (await getTestInfra()).kafkaBrokers,
      clientId: 'outbox-spec',
      logLevel: 'nothing',
    });
    producer = await createIdempotentProducer(kafka);
  });
  afterAll(async () => {
    await producer.disconnect();
    await db.drop();
  });

  const unpublished = async (): Promise<number> =>
    (
      (await db.dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL')) as {
        n: number;
      }[]
    )[0]?.n ?? -1;
  const stateRows = async (aggregateId: string): Promise<number> =>
    (
      (await db.dataSource.query('SELECT count(*)::int AS n FROM test_projection WHERE aggregate_id = $1', [
        aggregateId,
      ])) as { n: number }[]
    )[0]?.n ?? -1;

  async function changeAndPublish(
    topic: ReturnType<typeof testTopic>,
    aggregateId: string,
    sequence: number,
    fail = false,
  ): Promise<void> {
    await inTransaction(db.dataSource, '/lx/', async (tx) => {
      const envelope = testEnvelope(aggregateId, sequence);
      await tx.manager.query(
        'INSERT INTO test_projection (event_id, aggregate_id, sequence) VALUES ($1, $2, $3)',
        [envelope.id, aggregateId, sequence],
      );
      tx.publish(topic, envelope);
      if (fail) throw new Error('business rule broke after publishing');
    });
  }

  it('leaves neither the state change nor an outbox row behind when the transaction rolls back', async () => {
    const topic = testTopic();
    const aggregateId = uuidv7();
    const before = await unpublished();
    await expect(changeAndPublish(topic, aggregateId, 1, true)).rejects.toThrow('business rule broke');
    expect(await unpublished()).toBe(before);
    expect(await stateRows(aggregateId)).toBe(0);
  });

  it('refuses an event that breaks its contract, and the state change with it', async () => {
    const topic = testTopic();
    const aggregateId = uuidv7();
    const work = inTransaction(db.dataSource, '/lx/', async (tx) => {
      await tx.manager.query(
        'INSERT INTO test_projection (event_id, aggregate_id, sequence) VALUES ($1, $2, 1)',
        [uuidv7(), aggregateId],
      );
      const envelope = testEnvelope(aggregateId, 1);
      tx.publish(topic, { ...envelope, data: { ...envelope.data, residentPhone: '13800000000' } });
    });
    await expect(work).rejects.toThrow(ContractValidationError);
    await expect(work).rejects.toThrow(/data\.residentPhone/);
    expect(await stateRows(aggregateId)).toBe(0);
  });

  it('runs the work under the given RLS scope, for that transaction only', async () => {
    const inside = await inTransaction(
      db.dataSource,
      '/lx/taoyuan/',
      async (tx) =>
        (
          (await tx.manager.query("SELECT current_setting('lianxin.scope', true) AS scope")) as {
            scope: string;
          }[]
        )[0]?.scope,
    );
    expect(inside).toBe('/lx/taoyuan/');
    const after = (
      (await db.dataSource.query("SELECT current_setting('lianxin.scope', true) AS scope")) as {
        scope: string | null;
      }[]
    )[0]?.scope;
    expect(after ?? '').toBe('');
  });

  it('starts the transaction and sets the scope in one round trip; other scopes and levels still work', async () => {
    const runner = db.dataSource.createQueryRunner();
    const sent: string[] = [];
    const connection = (await runner.connect()) as { query: (...args: unknown[]) => unknown };
    const original = connection.query.bind(connection);
    connection.query = (...args: unknown[]) => {
      sent.push(String(args[0]));
      return original(...args);
    };
    try {
      const manager = runner.manager;
      const fakeSource = { createQueryRunner: () => runner } as unknown as typeof db.dataSource;
      // inTransaction releases the runner; keep it for the assertions by stubbing release once.
      const release = runner.release.bind(runner);
      runner.release = () => Promise.resolve();
      const scope = await inTransaction(fakeSource, '/lx/taoyuan/dahe/', async (tx) => {
        expect(tx.manager).toBe(manager);
        return (
          (await tx.manager.query("SELECT current_setting('lianxin.scope', true) AS scope")) as {
            scope: string;
          }[]
        )[0]?.scope;
      });
      runner.release = release;
      expect(scope).toBe('/lx/taoyuan/dahe/');
      expect(sent).toEqual([
        "START TRANSACTION; SELECT set_config('lianxin.scope', '/lx/taoyuan/dahe/', true)",
        "SELECT current_setting('lianxin.scope', true) AS scope",
        'COMMIT',
      ]);
    } finally {
      connection.query = original;
      await runner.release();
    }
    // A scope that is not a plain org path is never written into SQL: it goes as a parameter.
    const odd = "/lx/it's/";
    const [oddScope, level] = await inTransaction(
      db.dataSource,
      odd,
      async (tx) => {
        const [row] = (await tx.manager.query(
          "SELECT current_setting('lianxin.scope', true) AS scope, current_setting('transaction_isolation') AS level",
        )) as { scope: string; level: string }[];
        return [row?.scope, row?.level];
      },
      'SERIALIZABLE',
    );
    expect(oddScope).toBe(odd);
    expect(level).toBe('serializable');
    // A failed transaction rolls back and the connection goes back to the pool usable.
    await expect(
      inTransaction(db.dataSource, '/lx/', async (tx) => {
        await tx.manager.query('SELECT 1/0');
      }),
    ).rejects.toThrow(/division by zero/);
    expect(await inTransaction(db.dataSource, '/lx/', async () => 'ok')).toBe('ok');
  });

  it('runs named prepared statements on the transaction connection, under its scope, planned once per connection', async () => {
    const text = "SELECT current_setting('lianxin.scope', true) AS scope, $1::int AS n";
    const run = (scope: string, n: number) =>
      inTransaction(db.dataSource, scope, async (tx) => {
        const [row] = await queryPrepared<{ scope: string; n: number }>(
          tx.manager,
          'spec.scope-probe',
          text,
          [n],
        );
        const prepared = (await tx.manager.query(
          "SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name = 'spec.scope-probe'",
        )) as { n: number }[];
        return { ...row, prepared: prepared[0]?.n };
      });
    const results = [];
    for (let index = 0; index < 6; index += 1)
      results.push(await run(index % 2 ? '/lx/a/' : '/lx/b/', index));
    expect(results.map((result) => [result.scope, result.n, result.prepared])).toEqual(
      [0, 1, 2, 3, 4, 5].map((index) => [index % 2 ? '/lx/a/' : '/lx/b/', index, 1]),
    );
    await expect(queryPrepared(db.dataSource.manager, 'spec.outside', 'SELECT 1', [])).rejects.toThrow(
      /inside inTransaction/,
    );
  });

  it('publishes a committed change with the aggregate id as key and the contract headers', async () => {
    const topic = testTopic();
    await ensureTopics(kafka, [topic]);
    const aggregateId = uuidv7();
    await changeAndPublish(topic, aggregateId, 7);
    const relay = new OutboxRelay({ dataSource: db.dataSource, producer, listen: false });
    while ((await relay.relayOnce()) > 0);
    const [message] = await collectMessages(kafka, topic.name, 1);
    expect(message?.key?.toString()).toBe(aggregateId);
    expect(message?.headers?.['event-type']?.toString()).toBe('test.item.changed');
    expect(JSON.parse(message?.value?.toString() ?? '{}')).toMatchObject({
      aggregateId,
      data: { sequence: 7 },
    });
    const [row] = (await db.dataSource.query('SELECT published_at, attempts FROM outbox WHERE key = $1', [
      aggregateId,
    ])) as {
      published_at: Date | null;
      attempts: number;
    }[];
    expect(row?.published_at).toBeInstanceOf(Date);
    expect(row?.attempts).toBe(1);
  });

  it("keeps each aggregate's events in write order with two relays running side by side", async () => {
    const topic = testTopic(3);
    await ensureTopics(kafka, [topic]);
    const aggregates = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
    const perAggregate = 40;
    const relays = [1, 2].map(
      () => new OutboxRelay({ dataSource: db.dataSource, producer, batchSize: 25, pollMs: 20 }),
    );
    await Promise.all(relays.map((relay) => relay.start()));
    try {
      // Writers for different aggregates run concurrently; one aggregate's writes are sequential,
      // as they are in a service (the aggregate's row lock serialises them).
      await Promise.all(
        aggregates.map(async (aggregateId) => {
          for (let sequence = 1; sequence <= perAggregate; sequence += 1)
            await changeAndPublish(topic, aggregateId, sequence);
        }),
      );
      const messages = await collectMessages(kafka, topic.name, aggregates.length * perAggregate);
      const sequences = new Map<string, number[]>();
      for (const message of messages) {
        const { aggregateId, data } = JSON.parse(message.value?.toString() ?? '{}') as {
          aggregateId: string;
          data: { sequence: number };
        };
        sequences.set(aggregateId, [...(sequences.get(aggregateId) ?? []), data.sequence]);
      }
      const expected = Array.from({ length: perAggregate }, (_, index) => index + 1);
      for (const aggregateId of aggregates) expect(sequences.get(aggregateId)).toEqual(expected);
    } finally {
      await Promise.all(relays.map((relay) => relay.stop()));
    }
  });

  it('wakes on NOTIFY instead of waiting for the next poll', async () => {
    const topic = testTopic();
    await ensureTopics(kafka, [topic]);
    const relay = new OutboxRelay({ dataSource: db.dataSource, producer, pollMs: 60_000 });
    await relay.start();
    try {
      await new Promise((resolve) => setTimeout(resolve, 200)); // first (empty) poll done; now idle for 60 s
      const started = Date.now();
      await changeAndPublish(topic, uuidv7(), 1);
      while ((await unpublished()) > 0) {
        if (Date.now() - started > 5000) throw new Error('relay did not wake on NOTIFY');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await relay.stop();
    }
  });
  describe('waking the relay', () => {
    let listener: Client;
    let wakeUps = 0;
    const testRows: string[] = [];

    beforeAll(async () => {
      listener = new Client({ connectionString: db.appUrl });
      await listener.connect();
      listener.on('notification', () => {
        wakeUps += 1;
      });
      await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    });
    afterAll(async () => {
      await listener.end();
      // Rows on a topic nobody created: out of the way of any relay.
      await db.dataSource.query('UPDATE outbox SET published_at = now() WHERE id = ANY($1::uuid[])', [
        testRows,
      ]);
    });
    beforeEach(async () => {
      // An idle outbox: every earlier test's rows count as published.
      await db.dataSource.query('UPDATE outbox SET published_at = now() WHERE published_at IS NULL');
      wakeUps = 0;
    });

    const insertRow = async (tx: TransactionContext): Promise<void> => {
      const id = uuidv7();
      testRows.push(id);
      await tx.manager.query(
        `INSERT INTO outbox (id, topic, key, headers, payload) VALUES ($1, 'lianxin.test.wake.v1', 'k', '{}', '{}')`,
        [id],
      );
    };
    /** Notifications arrive after the commit, asynchronously: give them time. */
    const settled = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 300));

    it('wakes it once for a transaction of several outbox statements on an idle outbox', async () => {
      await inTransaction(db.dataSource, '/lx/', async (tx) => {
        await insertRow(tx);
        await insertRow(tx);
        await insertRow(tx);
      });
      await settled();
      expect(wakeUps).toBe(1);
    });

    it('decides again after the first outbox statement was rolled back with its subtransaction', async () => {
      await inTransaction(db.dataSource, '/lx/', async (tx) => {
        await tx.manager.query('SAVEPOINT first_entry');
        await insertRow(tx);
        await tx.manager.query('ROLLBACK TO SAVEPOINT first_entry');
        await insertRow(tx);
      });
      await settled();
      expect(wakeUps).toBe(1);
    });

    it('leaves it alone while unpublished rows from other transactions wait for it', async () => {
      await inTransaction(db.dataSource, '/lx/', insertRow);
      await settled();
      expect(wakeUps).toBe(1);
      await inTransaction(db.dataSource, '/lx/', async (tx) => {
        await insertRow(tx);
        await insertRow(tx);
      });
      await settled();
      expect(wakeUps).toBe(1);
    });
  });
});
