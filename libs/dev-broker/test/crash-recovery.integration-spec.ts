import { type Producer } from 'kafkajs';
import { eventually, kafkaFor, tempDir, uniqueName } from './support/broker-fixture';
import { type BrokerProcess, freePort, spawnBroker } from './support/broker-process';

/**
 * kill -9 of the broker process while an acks=-1 idempotent producer is sending. Each batch is
 * retried until acknowledged, as an at-least-once application would. After the restart every
 * acknowledged message must be in the log exactly once and in send order per partition, the
 * group's committed offsets must be unchanged, and the same producer (same producer id and
 * sequence numbers) must keep producing without OUT_OF_ORDER_SEQUENCE_NUMBER.
 */
describe('broker crash (SIGKILL) during acks=-1 production', () => {
  let broker: BrokerProcess | undefined;
  afterAll(async () => {
    await broker?.stop();
  });

  it('keeps every acknowledged message exactly once and in order, committed offsets, and producer sequences', async () => {
    const dataDir = tempDir('crash-');
    const port = await freePort();
    broker = await spawnBroker(dataDir, port);
    const topic = uniqueName('crash');
    const groupId = uniqueName('crash-g');
    const kafka = kafkaFor(broker.brokers);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }] });

    // A committed group position before the crash.
    const seed = kafka.producer();
    await seed.connect();
    await seed.send({
      topic,
      acks: -1,
      messages: [0, 1].flatMap((partition) =>
        [0, 1, 2].map((i) => ({ partition, value: `seed-${partition}-${i}` })),
      ),
    });
    await seed.disconnect();
    const consumer = kafka.consumer({
      groupId,
      sessionTimeout: 6000,
      heartbeatInterval: 500,
      maxWaitTimeInMs: 100,
    });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    let seen = 0;
    await consumer.run({
      eachMessage: async () => {
        seen++;
      },
    });
    await eventually(() => seen >= 6, 15_000, 'the seed messages');
    await consumer.disconnect();
    const committedBefore = await admin.fetchOffsets({ groupId, topics: [topic] });
    await admin.disconnect();

    const producer: Producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      retry: { retries: 3, initialRetryTime: 50, maxRetryTime: 300 },
    });
    await producer.connect();
    const acked: string[][] = [[], []];
    let stopSending = false;
    const sendLoop = (async () => {
      for (let batch = 0; !stopSending; batch++) {
        const messages = Array.from({ length: 10 }, (_, i) => ({
          partition: batch % 2,
          value: `b${batch}-m${i}`,
        }));
        for (;;) {
          try {
            await producer.send({ topic, acks: -1, messages });
            acked[batch % 2]?.push(...messages.map((m) => m.value));
            break;
          } catch {
            if (stopSending) return;
            await new Promise((r) => setTimeout(r, 100));
          }
        }
      }
    })();

    await eventually(
      () => (acked[0]?.length ?? 0) + (acked[1]?.length ?? 0) >= 400,
      30_000,
      '400 acknowledged messages',
    );
    await broker.kill9();
    const ackedAtKill = (acked[0]?.length ?? 0) + (acked[1]?.length ?? 0);
    broker = await spawnBroker(dataDir, port);
    // The same producer instance resumes once the broker is back: its sequences must be accepted.
    await eventually(
      () => (acked[0]?.length ?? 0) + (acked[1]?.length ?? 0) >= ackedAtKill + 100,
      30_000,
      'production after restart',
    );
    stopSending = true;
    await sendLoop;
    await producer.disconnect();

    const admin2 = kafkaFor(broker.brokers).admin();
    await admin2.connect();
    expect(await admin2.fetchOffsets({ groupId, topics: [topic] })).toEqual(committedBefore);
    const ends = await admin2.fetchTopicOffsets(topic);
    await admin2.disconnect();

    const reader = kafkaFor(broker.brokers).consumer({
      groupId: uniqueName('crash-read'),
      maxWaitTimeInMs: 100,
      sessionTimeout: 6000,
    });
    await reader.connect();
    await reader.subscribe({ topic, fromBeginning: true });
    const inLog: string[][] = [[], []];
    await reader.run({
      eachMessage: async ({ partition, message }) => {
        inLog[partition]?.push(String(message.value));
      },
    });
    const total = ends.reduce((sum, e) => sum + Number(e.high), 0);
    await eventually(
      () => (inLog[0]?.length ?? 0) + (inLog[1]?.length ?? 0) >= total,
      30_000,
      'reading the whole log',
    );
    await reader.disconnect();

    for (const p of [0, 1]) {
      const log = (inLog[p] ?? []).filter((v) => !v.startsWith('seed-'));
      // Exactly once: no value twice; every acknowledged value present; in acknowledgement order.
      expect(new Set(log).size).toBe(log.length);
      expect(log).toEqual(acked[p]);
    }
  }, 120_000);
});
