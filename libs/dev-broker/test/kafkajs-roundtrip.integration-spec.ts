import { type RunningBroker } from '../src';
import { kafkaFor, startTestBroker, uniqueName } from './support/broker-fixture';

describe('dev broker with kafkajs: basic round trip', () => {
  let broker: RunningBroker;

  beforeAll(async () => {
    broker = await startTestBroker();
  });

  afterAll(async () => {
    await broker.stop();
  });

  it('delivers produced messages, keys and headers to a consumer group and records its committed offsets', async () => {
    const kafka = kafkaFor(broker.brokers);
    const topic = uniqueName('roundtrip');
    const groupId = uniqueName('group');
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }] });

    const producer = kafka.producer({ idempotent: true });
    await producer.connect();
    const sent = Array.from({ length: 30 }, (_, i) => ({
      key: `k${i}`,
      value: `v${i}`,
      headers: { n: String(i) },
    }));
    await producer.send({ topic, acks: -1, messages: sent });

    const consumer = kafka.consumer({
      groupId,
      sessionTimeout: 6000,
      heartbeatInterval: 500,
      maxWaitTimeInMs: 100,
    });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received: { key: string; value: string; header: string; partition: number; offset: string }[] = [];
    await new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message, partition }) => {
          received.push({
            key: String(message.key),
            value: String(message.value),
            header: String(message.headers?.['n']),
            partition,
            offset: message.offset,
          });
          if (received.length === sent.length) resolve();
        },
      });
    });

    expect(received.map((m) => m.value).sort()).toEqual(sent.map((m) => m.value).sort());
    for (const m of received) expect(m.header).toBe(m.key.slice(1));
    // Per partition, offsets are dense from 0.
    for (const p of [0, 1, 2]) {
      const offsets = received.filter((m) => m.partition === p).map((m) => Number(m.offset));
      expect(offsets).toEqual(offsets.map((_, i) => i));
    }

    await consumer.disconnect(); // commits on the way out
    const committed = await admin.fetchOffsets({ groupId, topics: [topic] });
    const ends = await admin.fetchTopicOffsets(topic);
    const byPartition = new Map(ends.map((e) => [e.partition, e.high]));
    const committedPartitions = committed[0]?.partitions ?? [];
    expect(committedPartitions).toHaveLength(3);
    for (const p of committedPartitions) expect(p.offset).toBe(byPartition.get(p.partition));
    expect(ends.reduce((sum, e) => sum + Number(e.high), 0)).toBe(30);

    await producer.disconnect();
    await admin.disconnect();
  });
});
