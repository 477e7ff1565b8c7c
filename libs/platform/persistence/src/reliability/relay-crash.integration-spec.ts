import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createIdempotentProducer, createKafka, ensureTopics } from '@lianxin/platform-messaging';
import { createTestDatabase, getTestInfra, type TestDatabase, uniqueId } from '@lianxin/testing';
import { type Kafka } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';
import { createDataSource } from '../data-source/create-data-source';
import { OutboxRelay } from '../relay/outbox-relay';
import { inTransaction } from '../transaction/in-transaction';
import { projectionStats, testMigrations, waitFor } from '../test-support/test-projection';
import { outboxCounts, startProjectionConsumer } from '../test-support/test-pipeline';
import { testEnvelope, testTopic } from '../test-support/test-topic';

jest.setTimeout(120_000);

const WORKSPACE_ROOT = resolve(__dirname, '../../../../..');
const TOTAL = 6000;

function startRelayChild(databaseUrl: string, brokers: string[]): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      join(__dirname, '../test-support/relay-child.ts'),
      databaseUrl,
      brokers.join(','),
      '1000',
    ],
    {
      cwd: WORKSPACE_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolvePromise, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('relay started')) resolvePromise(child);
    });
    child.once('exit', (code) => reject(new Error(`relay child exited early with ${String(code)}`)));
  });
}

async function brokerMessages(kafka: Kafka, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(topic)).reduce((sum, partition) => sum + Number(partition.high), 0);
  } finally {
    await admin.disconnect();
  }
}

describe('a relay killed with SIGKILL while publishing', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({
      short: 'crash',
      migrations: testMigrations,
      createDataSource: (input) => createDataSource({ ...input, poolSize: 6 }),
    });
  });
  afterAll(() => db.drop());

  it('loses nothing, and the inbox absorbs the batch it re-sends', async () => {
    const { kafkaBrokers } = await getTestInfra();
    const kafka = createKafka({ brokers: kafkaBrokers, clientId: 'crash-spec', logLevel: 'nothing' });
    const topic = testTopic(3);
    await ensureTopics(kafka, [topic]);
    const aggregates = Array.from({ length: 100 }, () => uuidv7());
    for (let start = 0; start < TOTAL; start += 500) {
      await inTransaction(db.dataSource, '/lx/', async (tx) => {
        for (let index = start; index < start + 500; index += 1)
          tx.publish(topic, testEnvelope(aggregates[index % 100] ?? '', index));
      });
    }

    const child = await startRelayChild(db.appUrl, kafkaBrokers);
    const exited = new Promise((resolvePromise) => child.once('exit', resolvePromise));
    // Kill at the worst moment we can observe: the broker has more of the topic than the outbox
    // says was published, i.e. a batch was acknowledged and its "published" commit is pending.
    const admin = kafka.admin();
    await admin.connect();
    let killedInWindow = false;
    try {
      for (;;) {
        const [onBroker, { published }] = await Promise.all([
          admin
            .fetchTopicOffsets(topic.name)
            .then((partitions) => partitions.reduce((sum, partition) => sum + Number(partition.high), 0)),
          outboxCounts(db.dataSource),
        ]);
        if (onBroker > published) {
          killedInWindow = true;
          break;
        }
        if (published >= TOTAL / 2) break;
      }
    } finally {
      child.kill('SIGKILL');
      await exited;
      await admin.disconnect();
    }
    const afterKill = await outboxCounts(db.dataSource);
    expect(afterKill.published).toBeLessThan(TOTAL);

    // A second relay (a restarted pod) finishes the job, and a consumer projects everything.
    const producer = await createIdempotentProducer(kafka);
    const relay = new OutboxRelay({ dataSource: db.dataSource, producer, pollMs: 50 });
    await relay.start();
    const consumer = await startProjectionConsumer(kafka, db.dataSource, topic, `crash-${uniqueId()}`);
    try {
      await waitFor(
        async () => (await projectionStats(db.dataSource)).rows === TOTAL,
        60_000,
        'every event in the projection',
      );
      const onBroker = await brokerMessages(kafka, topic.name);
      await waitFor(
        async () => (await projectionStats(db.dataSource)).rows + consumer.duplicates() >= onBroker,
        30_000,
        'every delivery seen',
      );
      const duplicates = consumer.duplicates();
      process.stdout.write(
        `relay crash: killed in the send→commit window: ${killedInWindow}; published before the kill: ${afterKill.published}; ` +
          `messages on the broker: ${onBroker}; duplicate deliveries absorbed by the inbox: ${duplicates}\n`,
      );
      expect(await projectionStats(db.dataSource)).toEqual({ rows: TOTAL, maxApplied: 1 });
      expect(await outboxCounts(db.dataSource)).toEqual({ total: TOTAL, published: TOTAL });
      // Every message on the broker beyond the TOTAL distinct events is a re-send the inbox absorbed.
      expect(duplicates).toBe(onBroker - TOTAL);
      if (killedInWindow) expect(duplicates).toBeGreaterThan(0);
    } finally {
      await relay.stop();
      await consumer.stop();
      await producer.disconnect();
    }
  });
});
