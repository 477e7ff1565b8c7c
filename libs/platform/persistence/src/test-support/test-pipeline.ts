import { type TopicDefinition } from '@lianxin/contracts';
import { type RunningConsumer, startConsumer } from '@lianxin/platform-messaging';
import { type Kafka } from 'kafkajs';
import { type DataSource } from 'typeorm';
import { inTransaction } from '../transaction/in-transaction';
import { projectBatch, type TestItemEnvelope } from './test-projection';
import { testEnvelope } from './test-topic';

export interface TestProjectionConsumer extends RunningConsumer {
  /** Deliveries the inbox recognised as already applied. */
  duplicates(): number;
}

/** The consuming half of the pipeline: consumer runner → inbox → test_projection. */
export async function startProjectionConsumer(
  kafka: Kafka,
  dataSource: DataSource,
  topic: TopicDefinition,
  groupId: string,
): Promise<TestProjectionConsumer> {
  let duplicates = 0;
  const running = await startConsumer<TestItemEnvelope>({
    kafka,
    groupId,
    topics: [topic],
    backoffMs: 100,
    logger: { warn: () => undefined },
    handleBatch: async (events) => {
      duplicates += await projectBatch(
        dataSource,
        groupId,
        events.map((event) => event.envelope),
      );
    },
  });
  return { stop: () => running.stop(), duplicates: () => duplicates };
}

/** `count` state changes, each its own transaction with one event, from `writers` concurrent writers. */
export async function writeChanges(
  dataSource: DataSource,
  topic: TopicDefinition,
  aggregates: readonly string[],
  count: number,
  writers = 8,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (let index = next++; index < count; index = next++) {
        const aggregateId = aggregates[index % aggregates.length] ?? '';
        await inTransaction(dataSource, '/lx/', async (tx) =>
          tx.publish(topic, testEnvelope(aggregateId, index)),
        );
      }
    }),
  );
}

export async function outboxCounts(dataSource: DataSource): Promise<{ total: number; published: number }> {
  const [row] = (await dataSource.query(
    'SELECT count(*)::int AS total, count(published_at)::int AS published FROM outbox',
  )) as { total: number; published: number }[];
  return row ?? { total: 0, published: 0 };
}
