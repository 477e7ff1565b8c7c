import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { getTestInfra, uniqueId } from '@lianxin/testing';
import { type IHeaders, type Kafka, type KafkaMessage, type Producer } from 'kafkajs';
import { createIdempotentProducer, createKafka } from '../kafka/create-kafka';
import { ensureTopics } from '../kafka/ensure-topics';
import { injectTraceContext } from '../trace/trace-context';
import { note, noteTopic, type testNoted } from '../test-support/test-events';
import { type EnvelopeOf, type TopicDefinition } from '@lianxin/contracts';
import { startConsumer } from './start-consumer';
import { DLQ_HEADERS } from './dlq-headers';

jest.setTimeout(60_000);

type Note = EnvelopeOf<typeof testNoted>;

describe('consumer runner', () => {
  let kafka: Kafka;
  let producer: Producer;

  beforeAll(async () => {
    kafka = createKafka({
      brokers: (await getTestInfra()).kafkaBrokers,
      clientId: 'consumer-spec',
      logLevel: 'nothing',
    });
    producer = await createIdempotentProducer(kafka);
  });
  afterAll(() => producer.disconnect());

  async function send(
    topic: TopicDefinition,
    values: (string | Buffer)[],
    headers: IHeaders = {},
  ): Promise<void> {
    await producer.send({
      topic: topic.name,
      acks: -1,
      messages: values.map((value) => ({ key: 'k', value, headers })),
    });
  }

  async function readAll(topic: string, count: number): Promise<KafkaMessage[]> {
    const consumer = kafka.consumer({ groupId: `read-${uniqueId()}`, maxWaitTimeInMs: 200 });
    const messages: KafkaMessage[] = [];
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void messages.push(message) });
    const deadline = Date.now() + 15_000;
    while (messages.length < count && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    await consumer.disconnect();
    return messages;
  }

  async function until(check: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  it('dead-letters poison at once and a failing event after maxAttempts, and keeps consuming the partition', async () => {
    const topic = noteTopic();
    await ensureTopics(kafka, [topic]);
    const failsOnce = note(1);
    const alwaysFails = note(2);
    const later = note(3);
    await send(topic, [
      JSON.stringify(failsOnce),
      '{"this is": not json',
      JSON.stringify(alwaysFails),
      JSON.stringify({ ...note(9), data: { n: 'nine' } }),
      JSON.stringify(later),
    ]);

    const attempts = new Map<number, number>();
    const handled: number[] = [];
    const groupId = `g-${uniqueId()}`;
    const running = await startConsumer<Note>({
      kafka,
      groupId,
      topics: [topic],
      maxAttempts: 3,
      backoffMs: 20,
      logger: { warn: () => undefined },
      handle: async (envelope, ctx) => {
        attempts.set(envelope.data.n, ctx.attempt);
        if (envelope.data.n === 2 || (envelope.data.n === 1 && ctx.attempt === 1))
          throw new Error(`cannot project ${envelope.data.n}`);
        handled.push(envelope.data.n);
      },
    });
    try {
      await until(() => handled.includes(3), 'the event after the poison ones');
    } finally {
      await running.stop();
    }
    expect(handled).toEqual([1, 3]);
    expect(attempts.get(1)).toBe(2);
    expect(attempts.get(2)).toBe(3);

    const dead = await readAll(topic.dlq, 3);
    const summary = dead.map((message) => ({
      kind: message.headers?.[DLQ_HEADERS.errorKind]?.toString(),
      attempts: message.headers?.[DLQ_HEADERS.attempts]?.toString(),
      offset: message.headers?.[DLQ_HEADERS.originalOffset]?.toString(),
      topic: message.headers?.[DLQ_HEADERS.originalTopic]?.toString(),
      partition: message.headers?.[DLQ_HEADERS.originalPartition]?.toString(),
    }));
    expect(summary).toEqual([
      { kind: 'poison', attempts: '0', offset: '1', topic: topic.name, partition: '0' },
      { kind: 'handler', attempts: '3', offset: '2', topic: topic.name, partition: '0' },
      { kind: 'poison', attempts: '0', offset: '3', topic: topic.name, partition: '0' },
    ]);
    expect(dead[1]?.headers?.[DLQ_HEADERS.error]?.toString()).toBe('Error: cannot project 2');
    expect(dead[1]?.value?.toString()).toBe(JSON.stringify(alwaysFails));

    // Everything was committed: the group resumes after the last message.
    const admin = kafka.admin();
    await admin.connect();
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic.name] });
    await admin.disconnect();
    expect(offsets?.partitions[0]?.offset).toBe('5');
  });

  it('hands a batch handler consecutive events and isolates a failing one by retrying one by one', async () => {
    const topic = noteTopic();
    await ensureTopics(kafka, [topic]);
    await send(
      topic,
      [1, 2, 3, 4, 5].map((n) => JSON.stringify(note(n))),
    );
    const committed: number[] = [];
    const batchSizes: number[] = [];
    const running = await startConsumer<Note>({
      kafka,
      groupId: `g-${uniqueId()}`,
      topics: [topic],
      maxAttempts: 2,
      backoffMs: 10,
      logger: { warn: () => undefined },
      handleBatch: async (events) => {
        batchSizes.push(events.length);
        // Like one transaction: all or nothing.
        if (events.some((event) => event.envelope.data.n === 4)) throw new Error('4 is bad');
        committed.push(...events.map((event) => event.envelope.data.n));
      },
    });
    try {
      await until(() => committed.includes(5), 'the last event');
    } finally {
      await running.stop();
    }
    expect(committed).toEqual([1, 2, 3, 5]);
    expect(Math.max(...batchSizes)).toBeGreaterThan(1);
    const [dead] = await readAll(topic.dlq, 1);
    expect(JSON.parse(dead?.value?.toString() ?? '{}')).toMatchObject({ data: { n: 4 } });
  });

  describe('with an OpenTelemetry SDK registered', () => {
    beforeAll(() => {
      context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
      propagation.setGlobalPropagator(new W3CTraceContextPropagator());
      trace.setGlobalTracerProvider(new BasicTracerProvider());
    });
    afterAll(() => {
      trace.disable();
      propagation.disable();
      context.disable();
    });

    it("runs the handler in the producer's trace", async () => {
      const topic = noteTopic();
      await ensureTopics(kafka, [topic]);
      const producerSpan = trace.getTracer('test').startSpan('request');
      const headers = injectTraceContext({}, trace.setSpan(context.active(), producerSpan));
      producerSpan.end();
      await send(topic, [JSON.stringify(note(1))], headers);
      let seenTraceId: string | undefined;
      const running = await startConsumer<Note>({
        kafka,
        groupId: `g-${uniqueId()}`,
        topics: [topic],
        handle: async () => {
          seenTraceId = trace.getSpanContext(context.active())?.traceId;
        },
      });
      try {
        await until(() => seenTraceId !== undefined, 'the traced event');
      } finally {
        await running.stop();
      }
      expect(seenTraceId).toBe(producerSpan.spanContext().traceId);
    });
  });
});
