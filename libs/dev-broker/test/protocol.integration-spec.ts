import { type RunningBroker } from '../src';
import { ApiKey } from '../src/protocol/api-keys';
import { ErrorCode } from '../src/protocol/errors';
import { type Reader } from '../src/protocol/reader';
import { type Writer } from '../src/protocol/writer';
import { buildBatch } from './support/batch-builder';
import { eventually, kafkaFor, startTestBroker, uniqueName } from './support/broker-fixture';
import { RawClient } from './support/raw-client';

type TestBroker = RunningBroker;

function produceBody(topic: string, partition: number, batch: Buffer, acks = -1): (w: Writer) => void {
  return (w) => {
    w.nullableString(null).int16(acks).int32(5000);
    w.array([topic], (o, t) => o.string(t).array([partition], (p, i) => p.int32(i).bytes(batch)));
  };
}

function readProduce(r: Reader): { error: number; baseOffset: number } {
  const topics = r.array((t) => ({
    name: t.string(),
    parts: t.array((p) => ({
      index: p.int32(),
      error: p.int16(),
      baseOffset: p.int64(),
      ts: p.int64(),
      start: p.int64(),
    })),
  }));
  const part = topics[0]?.parts[0];
  if (part === undefined) throw new Error('no partition in produce response');
  return { error: part.error, baseOffset: part.baseOffset };
}

function fetchBody(topic: string, offset: number, maxWaitMs: number, minBytes = 1): (w: Writer) => void {
  return (w) => {
    w.int32(-1)
      .int32(maxWaitMs)
      .int32(minBytes)
      .int32(1 << 20)
      .int8(1)
      .int32(0)
      .int32(-1);
    w.array([topic], (o, t) =>
      o.string(t).array([0], (p, i) =>
        p
          .int32(i)
          .int32(-1)
          .int64(offset)
          .int64(-1)
          .int32(1 << 20),
      ),
    );
    w.int32(0).string('');
  };
}

function readFetch(r: Reader): { error: number; highWatermark: number; records: Buffer } {
  r.int32();
  r.int16();
  r.int32();
  const topics = r.array((t) => ({
    name: t.string(),
    parts: t.array((p) => {
      const index = p.int32();
      const error = p.int16();
      const highWatermark = p.int64();
      p.int64();
      p.int64();
      p.nullableArray((a) => [a.int64(), a.int64()]);
      p.int32();
      return { index, error, highWatermark, records: p.bytes() };
    }),
  }));
  const part = topics[0]?.parts[0];
  if (part === undefined) throw new Error('no partition in fetch response');
  return part;
}

async function createTopic(
  broker: TestBroker,
  topic: string,
  configEntries: { name: string; value: string }[] = [],
): Promise<void> {
  const admin = kafkaFor(broker.brokers).admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1, configEntries }] });
  await admin.disconnect();
}

describe('dev broker protocol behaviour', () => {
  let broker: TestBroker;
  let client: RawClient;
  beforeAll(async () => {
    broker = await startTestBroker({ segmentBytes: 4096, retentionCheckIntervalMs: 100 });
    client = await RawClient.connect(broker.port);
  });
  afterAll(async () => {
    client.close();
    await broker.stop();
  });

  it('parks a Fetch on an empty partition for max_wait_ms, and answers it as soon as a produce arrives', async () => {
    const topic = uniqueName('poll');
    await createTopic(broker, topic);
    const started = Date.now();
    const empty = readFetch(await client.request(ApiKey.Fetch, 11, fetchBody(topic, 0, 400)));
    const waited = Date.now() - started;
    expect(empty.records).toHaveLength(0);
    expect(waited).toBeGreaterThanOrEqual(380);
    expect(waited).toBeLessThan(5000);

    const fetcher = await RawClient.connect(broker.port);
    const parkedAt = Date.now();
    const parked = fetcher.request(ApiKey.Fetch, 11, fetchBody(topic, 0, 10_000));
    await new Promise((r) => setTimeout(r, 100));
    expect(
      readProduce(
        await client.request(ApiKey.Produce, 7, produceBody(topic, 0, buildBatch({ values: ['wake'] }))),
      ).error,
    ).toBe(0);
    const woke = readFetch(await parked);
    expect(Date.now() - parkedAt).toBeLessThan(5000); // woken by the append, not by its 10 s max wait
    expect(woke.records.length).toBeGreaterThan(0);
    expect(woke.highWatermark).toBe(1);
    fetcher.close();
  });

  it('appends an acks=0 produce without sending any response', async () => {
    const topic = uniqueName('acks0');
    await createTopic(broker, topic);
    const c = await RawClient.connect(broker.port);
    c.sendExpectingNoResponse(
      ApiKey.Produce,
      7,
      produceBody(topic, 0, buildBatch({ values: ['fire', 'forget'] }), 0),
    );
    // Responses come in request order; the raw client checks correlation ids, so this answer
    // being the next frame proves the produce got none.
    expect(await listLatest(c, topic)).toBe(2);
    c.close();
  });

  async function listLatest(c: RawClient, topic: string): Promise<number> {
    const r = await c.request(ApiKey.ListOffsets, 3, (w) => {
      w.int32(-1).int8(0);
      w.array([topic], (o, t) => o.string(t).array([0], (p, i) => p.int32(i).int64(-1)));
    });
    r.int32();
    const topics = r.array((t) => ({
      name: t.string(),
      parts: t.array((p) => ({ index: p.int32(), error: p.int16(), ts: p.int64(), offset: p.int64() })),
    }));
    return topics[0]?.parts[0]?.offset ?? -1;
  }

  it('answers a retried idempotent batch with its original offset, and rejects a sequence gap and a stale epoch', async () => {
    const topic = uniqueName('idem-raw');
    await createTopic(broker, topic);
    const pid = 424242;
    const send = async (seq: number, epoch: number, values: string[]) =>
      readProduce(
        await client.request(
          ApiKey.Produce,
          7,
          produceBody(
            topic,
            0,
            buildBatch({ values, producerId: pid, producerEpoch: epoch, baseSequence: seq }),
          ),
        ),
      );
    expect(await send(0, 1, ['a', 'b'])).toEqual({ error: 0, baseOffset: 0 });
    expect(await send(2, 1, ['c'])).toEqual({ error: 0, baseOffset: 2 });
    expect(await send(0, 1, ['a', 'b'])).toEqual({ error: 0, baseOffset: 0 });
    expect((await send(7, 1, ['x'])).error).toBe(ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER);
    expect((await send(3, 0, ['y'])).error).toBe(ErrorCode.INVALID_PRODUCER_EPOCH);
    expect(await listLatest(client, topic)).toBe(3);
  });

  it('answers OFFSET_OUT_OF_RANGE for a fetch beyond the log end', async () => {
    const topic = uniqueName('oor');
    await createTopic(broker, topic);
    expect(readFetch(await client.request(ApiKey.Fetch, 11, fetchBody(topic, 100, 0))).error).toBe(
      ErrorCode.OFFSET_OUT_OF_RANGE,
    );
  });

  it('applies a topic retention.bytes: old segments are deleted and the earliest offset advances', async () => {
    const topic = uniqueName('retain');
    await createTopic(broker, topic, [{ name: 'retention.bytes', value: '8192' }]);
    const producer = kafkaFor(broker.brokers).producer();
    await producer.connect();
    for (let i = 0; i < 40; i++)
      await producer.send({ topic, messages: [{ value: `${i}:${'r'.repeat(1000)}` }] });
    await producer.disconnect();
    const admin = kafkaFor(broker.brokers).admin();
    await admin.connect();
    await eventually(
      async () => Number((await admin.fetchTopicOffsets(topic))[0]?.low) > 0,
      5000,
      'retention to advance the log start',
    );
    // A pass may have run mid-production; let a few more run so the log start is final.
    await new Promise((r) => setTimeout(r, 400));
    const [offsets] = await admin.fetchTopicOffsets(topic);
    await admin.disconnect();
    expect(offsets?.high).toBe('40');
    const consumer = kafkaFor(broker.brokers).consumer({
      groupId: uniqueName('retain-g'),
      maxWaitTimeInMs: 100,
      sessionTimeout: 6000,
    });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const first: string[] = [];
    await consumer.run({
      eachMessage: async ({ message }) => {
        first.push(message.offset);
      },
    });
    await eventually(() => first.length > 0, 10_000, 'a message after retention');
    await consumer.disconnect();
    expect(first[0]).toBe(offsets?.low);
  });

  it('lets a kafkajs consumer progress when maxBytesPerPartition is smaller than one batch (KIP-74)', async () => {
    const topic = uniqueName('kip74');
    await createTopic(broker, topic);
    const kafka = kafkaFor(broker.brokers);
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ value: 'x'.repeat(3000) }, { value: 'y'.repeat(3000) }] });
    await producer.disconnect();
    const consumer = kafka.consumer({
      groupId: uniqueName('kip74-g'),
      maxBytesPerPartition: 100,
      maxWaitTimeInMs: 100,
      sessionTimeout: 6000,
    });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    let count = 0;
    await consumer.run({
      eachMessage: async () => {
        count++;
      },
    });
    await eventually(() => count >= 2, 10_000, 'both large messages');
    await consumer.disconnect();
  });

  it("acknowledges and serves messages with fsync 'batch'", async () => {
    const durable = await startTestBroker({ fsync: 'batch' });
    const kafka = kafkaFor(durable.brokers);
    const topic = uniqueName('fsync');
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: [{ value: 'a' }, { value: 'b' }] });
    await producer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    expect((await admin.fetchTopicOffsets(topic))[0]?.high).toBe('2');
    await admin.disconnect();
    await durable.stop();
  });

  it('does not create topics on Metadata when auto-creation is off', async () => {
    const strict = await startTestBroker({ autoCreateTopics: false });
    const c = await RawClient.connect(strict.port);
    const r = await c.request(ApiKey.Metadata, 6, (w) => {
      w.array(['nope'], (o, t) => o.string(t)).bool(true);
    });
    r.int32();
    r.array((b) => [b.int32(), b.string(), b.int32(), b.nullableString()]);
    r.nullableString();
    r.int32();
    const topics = r.array((t) => ({ error: t.int16(), name: t.string() }));
    expect(topics).toEqual([{ error: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, name: 'nope' }]);
    c.close();
    await strict.stop();
  });
});
