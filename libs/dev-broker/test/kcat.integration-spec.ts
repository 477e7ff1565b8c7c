import { type RunningBroker } from '../src';
import { eventually, kafkaFor, startTestBroker, uniqueName } from './support/broker-fixture';
import { kcat, kcatProcess } from './support/kcat';
import { kcatAvailable } from './support/targets';

const hasKcat = kcatAvailable();
if (!hasKcat) console.warn('kcat not found on PATH: skipping the kcat (librdkafka) compatibility tests');

interface KcatJsonMessage {
  partition: number;
  offset: number;
  key: string | null;
  payload: string;
  headers?: string[];
}

/** The partitions a kcat -G member currently owns, from its latest "rebalanced" line. */
function assignedPartitions(stderr: string): number[] {
  const lines = stderr.split('\n').filter((l) => l.includes('rebalanced'));
  const last = lines.at(-1);
  if (last === undefined || !last.includes('assigned:')) return [];
  return [...last.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])).sort();
}

(hasKcat ? describe : describe.skip)('kcat 1.7.1 / librdkafka 2.0.2 against the dev broker', () => {
  let broker: RunningBroker;
  beforeAll(async () => {
    broker = await startTestBroker();
  });
  afterAll(async () => {
    await broker.stop();
  });

  it('lists brokers, the controller and topics with -L', async () => {
    const topic = uniqueName('kcat-l');
    const admin = kafkaFor(broker.brokers).admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }] });
    await admin.disconnect();
    const result = await kcat(['-b', broker.brokers, '-L', '-J']);
    expect(result.code).toBe(0);
    const metadata = JSON.parse(result.stdout) as {
      controllerid: number;
      brokers: { id: number; name: string }[];
      topics: { topic: string; partitions: unknown[] }[];
    };
    expect(metadata.controllerid).toBe(0);
    expect(metadata.brokers).toEqual([{ id: 0, name: broker.brokers }]);
    expect(metadata.topics.find((t) => t.topic === topic)?.partitions).toHaveLength(3);
  });

  it('produces with idempotence and headers (-P) and reads it back with -C, also from kafkajs', async () => {
    const topic = uniqueName('kcat-p');
    const produced = await kcat(
      [
        '-b',
        broker.brokers,
        '-P',
        '-t',
        topic,
        '-K:',
        '-H',
        'trace=abc',
        '-X',
        'enable.idempotence=true',
        '-X',
        'acks=all',
        '-p',
        '0',
      ],
      'k1:v1\nk2:v2\nk3:v3\n',
    );
    expect(produced.code).toBe(0);
    const consumed = await kcat(['-b', broker.brokers, '-C', '-t', topic, '-o', 'beginning', '-e', '-J']);
    const messages = consumed.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as KcatJsonMessage);
    expect(messages.map((m) => [m.offset, m.key, m.payload, m.headers])).toEqual([
      [0, 'k1', 'v1', ['trace', 'abc']],
      [1, 'k2', 'v2', ['trace', 'abc']],
      [2, 'k3', 'v3', ['trace', 'abc']],
    ]);

    const consumer = kafkaFor(broker.brokers).consumer({
      groupId: uniqueName('kcat-p-g'),
      maxWaitTimeInMs: 100,
      sessionTimeout: 6000,
    });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const fromKafkajs: string[] = [];
    await consumer.run({
      eachMessage: async ({ message }) => {
        fromKafkajs.push(
          `${String(message.key)}=${String(message.value)};trace=${String(message.headers?.['trace'])}`,
        );
      },
    });
    await eventually(() => fromKafkajs.length >= 3, 15_000, 'kafkajs to read kcat messages');
    await consumer.disconnect();
    expect(fromKafkajs).toEqual(['k1=v1;trace=abc', 'k2=v2;trace=abc', 'k3=v3;trace=abc']);
  });

  it('reads kafkajs-produced messages with -C from an offset relative to the end', async () => {
    const topic = uniqueName('kcat-c');
    const producer = kafkaFor(broker.brokers).producer();
    await producer.connect();
    await producer.send({ topic, messages: ['a', 'b', 'c', 'd'].map((value) => ({ value, partition: 0 })) });
    await producer.disconnect();
    const tail = await kcat(['-b', broker.brokers, '-C', '-t', topic, '-o', '-2', '-e', '-f', '%o:%s\n']);
    expect(tail.stdout.trim().split('\n')).toEqual(['2:c', '3:d']);
  });

  it('looks offsets up by timestamp (-Q and -o s@ts)', async () => {
    const topic = uniqueName('kcat-ts');
    const producer = kafkaFor(broker.brokers).producer();
    await producer.connect();
    const base = Date.now() - 60_000;
    await producer.send({ topic, messages: [{ value: 'old', partition: 0, timestamp: String(base) }] });
    await producer.send({
      topic,
      messages: [
        { value: 'new1', partition: 0, timestamp: String(base + 10_000) },
        { value: 'new2', partition: 0, timestamp: String(base + 10_001) },
      ],
    });
    await producer.disconnect();
    const query = await kcat(['-b', broker.brokers, '-Q', '-t', `${topic}:0:${base + 5000}`]);
    expect(query.stdout.trim()).toBe(`${topic} [0] offset 1`);
    const fromTs = await kcat([
      '-b',
      broker.brokers,
      '-C',
      '-t',
      topic,
      '-o',
      `s@${base + 5000}`,
      '-e',
      '-f',
      '%o %s\n',
    ]);
    expect(fromTs.stdout.trim().split('\n')).toEqual(['1 new1', '2 new2']);
  });

  it('balances a consumer group of two kcat -G members and delivers every message once', async () => {
    const topic = uniqueName('kcat-g');
    const group = uniqueName('kcat-grp');
    const admin = kafkaFor(broker.brokers).admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 4 }] });
    await admin.disconnect();
    const args = [
      '-b',
      broker.brokers,
      '-u',
      '-G',
      group,
      topic,
      '-X',
      'auto.offset.reset=earliest',
      '-X',
      'session.timeout.ms=6000',
      '-f',
      '%p %o %s\n',
    ];
    const first = kcatProcess(args);
    const second = kcatProcess(args);
    try {
      await eventually(
        () => {
          const a = assignedPartitions(first.err());
          const b = assignedPartitions(second.err());
          return a.length > 0 && b.length > 0 && [...a, ...b].sort().join() === '0,1,2,3';
        },
        30_000,
        'both kcat members to be assigned',
      );
      const producer = kafkaFor(broker.brokers).producer();
      await producer.connect();
      await producer.send({
        topic,
        messages: Array.from({ length: 20 }, (_, i) => ({ value: `v${i}`, partition: i % 4 })),
      });
      await producer.disconnect();
      const values = () =>
        [...first.out().split('\n'), ...second.out().split('\n')]
          .filter((l) => l !== '')
          .map((l) => l.split(' ')[2]);
      await eventually(() => values().length >= 20, 20_000, 'all 20 messages across both members');
      expect(values().sort()).toEqual(Array.from({ length: 20 }, (_, i) => `v${i}`).sort());
      expect(first.out().length).toBeGreaterThan(0);
      expect(second.out().length).toBeGreaterThan(0);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
  }, 60_000);
});
