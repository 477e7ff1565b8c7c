import { spawn } from 'node:child_process';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { CompressionTypes, type Consumer, type Kafka } from 'kafkajs';
import { eventually, kafkaFor, uniqueName } from './broker-fixture';
import { SCENARIO_PARTITIONS, type ScenarioTarget } from './targets';

export type ScenarioName =
  | 'admin'
  | 'plain producer with headers'
  | 'idempotent producer'
  | 'gzip'
  | 'group rebalances on join and leave'
  | 'group survives a killed member process'
  | 'seek'
  | 'group admin'
  | 'committed offsets resume after restart';

/** Scenarios a target cannot run, each with the reason (shown as a skipped test). */
export type Exclusions = Partial<Record<ScenarioName, string>>;

const CONSUMER_SETTINGS = {
  sessionTimeout: 6000,
  heartbeatInterval: 500,
  maxWaitTimeInMs: 100,
  rebalanceTimeout: 10_000,
} as const;

interface Member {
  consumer: Consumer;
  values: string[];
  assignment: number[];
}

async function startMember(kafka: Kafka, topic: string, groupId: string): Promise<Member> {
  const consumer = kafka.consumer({ groupId, ...CONSUMER_SETTINGS });
  const member: Member = { consumer, values: [], assignment: [] };
  consumer.on(consumer.events.GROUP_JOIN, (e) => {
    member.assignment = [...(e.payload.memberAssignment[topic] ?? [])].sort();
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      member.values.push(String(message.value));
    },
  });
  return member;
}

function range(from: number, to: number): string[] {
  return Array.from({ length: to - from }, (_, i) => `m${from + i}`);
}

/**
 * The kafkajs compatibility scenarios, written once and run against any ScenarioTarget. They
 * assert what a Kafka cluster does; nothing here knows which implementation answers.
 */
export function defineKafkajsScenarios(getTarget: () => ScenarioTarget, exclusions: Exclusions): void {
  const scenario = (name: ScenarioName, body: () => Promise<void>, timeoutMs = 30_000) => {
    const reason = exclusions[name];
    if (reason !== undefined) {
      it.skip(`${name} — not run here: ${reason}`, () => undefined);
      return;
    }
    it(name, body, timeoutMs);
  };

  scenario('admin', async () => {
    const target = getTarget();
    const kafka = kafkaFor(target.brokers);
    const admin = kafka.admin();
    await admin.connect();
    const topic = uniqueName('admin');
    expect(await admin.createTopics({ topics: [{ topic, numPartitions: 3 }] })).toBe(true);
    expect(await admin.createTopics({ topics: [{ topic, numPartitions: 3 }] })).toBe(false);
    expect(await admin.listTopics()).toContain(topic);
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(metadata.topics[0]?.partitions.map((p) => p.partitionId).sort()).toEqual([0, 1, 2]);
    for (const p of metadata.topics[0]?.partitions ?? []) expect(p.isr).toEqual([p.leader]);
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic,
      messages: [
        { value: 'a', partition: 1 },
        { value: 'b', partition: 1 },
      ],
    });
    await producer.disconnect();
    const offsets = await admin.fetchTopicOffsets(topic);
    expect(offsets.sort((a, b) => a.partition - b.partition).map((o) => [o.low, o.high])).toEqual([
      ['0', '0'],
      ['0', '2'],
      ['0', '0'],
    ]);
    await admin.deleteTopics({ topics: [topic] });
    expect(await admin.listTopics()).not.toContain(topic);
    await admin.disconnect();
  });

  scenario('plain producer with headers', async () => {
    const target = getTarget();
    const topic = uniqueName('plain');
    await target.createTopic(topic);
    const kafka = kafkaFor(target.brokers);
    const producer = kafka.producer();
    await producer.connect();
    const messages = Array.from({ length: 40 }, (_, i) => ({
      key: `key-${i % 7}`,
      value: `m${i}`,
      headers: { 'event-type': `t${i}`, n: String(i) },
    }));
    const results = await producer.send({ topic, acks: -1, messages });
    expect(results.every((r) => r.errorCode === 0)).toBe(true);
    await producer.disconnect();

    const consumer = kafka.consumer({ groupId: uniqueName('plain-g'), ...CONSUMER_SETTINGS });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const got: { key: string; value: string; header: string; partition: number; offset: number }[] = [];
    await consumer.run({
      eachMessage: async ({ message, partition }) => {
        got.push({
          key: String(message.key),
          value: String(message.value),
          header: String(message.headers?.['event-type']),
          partition,
          offset: Number(message.offset),
        });
      },
    });
    await eventually(() => got.length >= 40, 15_000, '40 messages');
    await consumer.disconnect();
    expect(got.map((m) => m.value).sort()).toEqual(messages.map((m) => m.value).sort());
    for (const m of got) expect(m.header).toBe(`t${m.value.slice(1)}`);
    // The same key always lands on the same partition, and offsets per partition are dense from 0.
    const partitionOfKey = new Map<string, number>();
    for (const m of got) {
      expect(partitionOfKey.get(m.key) ?? m.partition).toBe(m.partition);
      partitionOfKey.set(m.key, m.partition);
    }
    for (let p = 0; p < SCENARIO_PARTITIONS; p++) {
      const offsets = got.filter((m) => m.partition === p).map((m) => m.offset);
      expect(offsets).toEqual(offsets.map((_, i) => i));
    }
  });

  scenario('idempotent producer', async () => {
    const target = getTarget();
    const topic = uniqueName('idem');
    await target.createTopic(topic);
    const kafka = kafkaFor(target.brokers);
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    for (let i = 0; i < 5; i++) {
      await producer.send({
        topic,
        acks: -1,
        messages: range(i * 10, i * 10 + 10).map((value) => ({ value, partition: 0 })),
      });
    }
    await producer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets(topic);
    await admin.disconnect();
    expect(offsets.find((o) => o.partition === 0)?.high).toBe('50');
  });

  scenario('gzip', async () => {
    const target = getTarget();
    const topic = uniqueName('gzip');
    await target.createTopic(topic);
    const kafka = kafkaFor(target.brokers);
    const producer = kafka.producer();
    await producer.connect();
    const big = 'x'.repeat(2000);
    await producer.send({
      topic,
      compression: CompressionTypes.GZIP,
      messages: range(0, 20).map((v) => ({ value: `${v}:${big}`, partition: 2 })),
    });
    await producer.disconnect();
    const consumer = kafka.consumer({ groupId: uniqueName('gzip-g'), ...CONSUMER_SETTINGS });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const got: string[] = [];
    await consumer.run({
      eachMessage: async ({ message }) => {
        got.push(String(message.value));
      },
    });
    await eventually(() => got.length >= 20, 15_000, '20 gzip messages');
    await consumer.disconnect();
    expect(got).toEqual(range(0, 20).map((v) => `${v}:${big}`));
  });

  scenario(
    'group rebalances on join and leave',
    async () => {
      const target = getTarget();
      const topic = uniqueName('rebal');
      const groupId = uniqueName('rebal-g');
      await target.createTopic(topic);
      const kafka = kafkaFor(target.brokers);
      const producer = kafka.producer();
      await producer.connect();
      const send = (values: string[]) =>
        producer.send({
          topic,
          messages: values.map((value, i) => ({ value, partition: i % SCENARIO_PARTITIONS })),
        });
      await send(range(0, 20));

      const a = await startMember(kafka, topic, groupId);
      await eventually(() => a.values.length >= 20, 15_000, 'member A to read the first 20');
      expect(a.assignment).toEqual([0, 1, 2, 3]);

      const b = await startMember(kafka, topic, groupId);
      await eventually(
        () =>
          a.assignment.length > 0 &&
          b.assignment.length > 0 &&
          [...a.assignment, ...b.assignment].sort().join() === '0,1,2,3',
        20_000,
        'A and B to split the partitions',
      );
      await send(range(20, 40));
      await eventually(() => new Set([...a.values, ...b.values]).size >= 40, 15_000, 'all 40 messages');
      expect(b.values.length).toBeGreaterThan(0);

      await b.consumer.disconnect();
      await eventually(() => a.assignment.join() === '0,1,2,3', 20_000, 'A to regain every partition');
      await send(range(40, 48));
      await eventually(
        () => a.values.filter((v) => Number(v.slice(1)) >= 40).length >= 8,
        15_000,
        'A to read the last 8',
      );
      await a.consumer.disconnect();
      await producer.disconnect();
      const all = [...a.values, ...b.values];
      expect(new Set(all)).toEqual(new Set(range(0, 48)));
      // Offsets were committed before each rebalance, so nothing was delivered twice.
      expect(all).toHaveLength(48);
    },
    60_000,
  );

  scenario(
    'group survives a killed member process',
    async () => {
      const target = getTarget();
      const topic = uniqueName('kill');
      const groupId = uniqueName('kill-g');
      await target.createTopic(topic);
      const kafka = kafkaFor(target.brokers);
      const child = spawn(
        process.execPath,
        [
          '-r',
          '@swc-node/register',
          path.join(__dirname, 'consumer-child.ts'),
          target.brokers,
          topic,
          groupId,
        ],
        {
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      let childAssignment: number[] = [];
      readline.createInterface({ input: child.stdout }).on('line', (line) => {
        const event = JSON.parse(line) as { assigned?: number[] };
        if (event.assigned !== undefined) childAssignment = event.assigned;
      });
      try {
        // Generous waits: the child compiles TypeScript on start, and CI shares two cores with other suites.
        await eventually(() => childAssignment.length === SCENARIO_PARTITIONS, 45_000, 'the child to join');
        const survivor = await startMember(kafka, topic, groupId);
        await eventually(
          () => survivor.assignment.length > 0 && survivor.assignment.length < SCENARIO_PARTITIONS,
          45_000,
          'the survivor to share the group',
        );
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGKILL');
        await exited;
        const killedAt = Date.now();
        await eventually(
          () => survivor.assignment.join() === '0,1,2,3',
          30_000,
          'the survivor to take over every partition',
        );
        // Detected by session timeout (6 s), not by the closed socket.
        expect(Date.now() - killedAt).toBeLessThan(25_000);
        const producer = kafka.producer();
        await producer.connect();
        await producer.send({
          topic,
          messages: range(0, 8).map((value, i) => ({ value, partition: i % SCENARIO_PARTITIONS })),
        });
        await producer.disconnect();
        await eventually(
          () => range(0, 8).every((v) => survivor.values.includes(v)),
          15_000,
          'the survivor to read every partition',
        );
        await survivor.consumer.disconnect();
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
    },
    150_000,
  );

  scenario('seek', async () => {
    const target = getTarget();
    const topic = uniqueName('seek');
    await target.createTopic(topic);
    const kafka = kafkaFor(target.brokers);
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: range(0, 10).map((value) => ({ value, partition: 0 })) });
    await producer.disconnect();
    const consumer = kafka.consumer({ groupId: uniqueName('seek-g'), ...CONSUMER_SETTINGS });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const got: string[] = [];
    let sought = false;
    await consumer.run({
      eachMessage: async ({ message }) => {
        got.push(String(message.value));
        if (got.length === 10 && !sought) {
          sought = true;
          consumer.seek({ topic, partition: 0, offset: '3' });
        }
      },
    });
    await eventually(() => got.length >= 17, 15_000, 'the re-read after seek');
    await consumer.disconnect();
    expect(got).toEqual([...range(0, 10), ...range(3, 10)]);
  });

  scenario('group admin', async () => {
    const target = getTarget();
    const topic = uniqueName('gadmin');
    const groupId = uniqueName('gadmin-g');
    await target.createTopic(topic);
    const kafka = kafkaFor(target.brokers);
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: range(0, 4).map((value, i) => ({ value, partition: i })) });
    await producer.disconnect();
    const member = await startMember(kafka, topic, groupId);
    await eventually(() => member.values.length >= 4, 15_000, 'the 4 messages');
    const admin = kafka.admin();
    await admin.connect();
    const described = await admin.describeGroups([groupId]);
    expect(described.groups[0]).toMatchObject({
      groupId,
      state: 'Stable',
      protocolType: 'consumer',
      protocol: 'RoundRobinAssigner',
    });
    expect(described.groups[0]?.members).toHaveLength(1);
    expect((await admin.listGroups()).groups.map((g) => g.groupId)).toContain(groupId);
    await member.consumer.disconnect();
    const committed = await admin.fetchOffsets({ groupId, topics: [topic] });
    expect(committed[0]?.partitions.map((p) => p.offset)).toEqual(['1', '1', '1', '1']);
    await admin.deleteGroups([groupId]);
    const afterDelete = await admin.fetchOffsets({ groupId, topics: [topic] });
    expect(afterDelete[0]?.partitions.map((p) => p.offset)).toEqual(['-1', '-1', '-1', '-1']);
    await admin.disconnect();
  });

  scenario(
    'committed offsets resume after restart',
    async () => {
      const target = getTarget();
      if (target.restart === undefined) throw new Error('target cannot restart');
      const topic = uniqueName('resume');
      const groupId = uniqueName('resume-g');
      await target.createTopic(topic);
      let kafka = kafkaFor(target.brokers);
      const producer = kafka.producer({ idempotent: true });
      await producer.connect();
      await producer.send({ topic, messages: range(0, 10).map((value, i) => ({ value, partition: i % 2 })) });
      await producer.disconnect();
      const first = await startMember(kafka, topic, groupId);
      await eventually(() => first.values.length >= 10, 15_000, 'the first 10');
      await first.consumer.disconnect();

      kafka = kafkaFor(await target.restart());
      const admin = kafka.admin();
      await admin.connect();
      const committed = await admin.fetchOffsets({ groupId, topics: [topic] });
      expect(
        committed[0]?.partitions
          .filter((p) => p.partition < 2)
          .map((p) => p.offset)
          .sort(),
      ).toEqual(['5', '5']);
      await admin.disconnect();
      const producer2 = kafka.producer({ idempotent: true });
      await producer2.connect();
      await producer2.send({
        topic,
        messages: range(10, 15).map((value, i) => ({ value, partition: i % 2 })),
      });
      await producer2.disconnect();
      const second = await startMember(kafka, topic, groupId);
      await eventually(() => second.values.length >= 5, 15_000, 'the 5 new messages');
      await new Promise((r) => setTimeout(r, 500));
      await second.consumer.disconnect();
      expect(second.values.sort()).toEqual(range(10, 15).sort());
    },
    60_000,
  );
}
