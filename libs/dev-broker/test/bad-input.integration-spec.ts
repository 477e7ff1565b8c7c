import * as net from 'node:net';
import fc from 'fast-check';
import { SUPPORTED_APIS } from '../src';
import { ApiKey } from '../src/protocol/api-keys';
import { ErrorCode } from '../src/protocol/errors';
import { kafkaFor, startTestBroker, uniqueName } from './support/broker-fixture';
import { RawClient } from './support/raw-client';
import { buildBatch } from './support/batch-builder';
import { Writer } from '../src/protocol/writer';

type TestBroker = Awaited<ReturnType<typeof startTestBroker>>;

/** Sends bytes on a fresh connection; resolves with what came back before close or `waitMs`. */
function sendAndObserve(
  port: number,
  bytes: Buffer,
  waitMs = 300,
): Promise<{ closed: boolean; received: number }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    let received = 0;
    let closed = false;
    socket.on('data', (d) => (received += d.length));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      closed = true;
    });
    setTimeout(() => {
      socket.destroy();
      resolve({ closed, received });
    }, waitMs);
  });
}

function header(apiKey: number, version: number, correlationId = 7): Buffer {
  const b = Buffer.alloc(10 + 2);
  b.writeInt16BE(apiKey, 0);
  b.writeInt16BE(version, 2);
  b.writeInt32BE(correlationId, 4);
  b.writeInt16BE(2, 8);
  b.write('fz', 10);
  return b;
}

function framed(payload: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeInt32BE(payload.length, 0);
  return Buffer.concat([size, payload]);
}

async function stillServes(broker: TestBroker): Promise<void> {
  const client = await RawClient.connect(broker.port);
  const r = await client.request(ApiKey.ApiVersions, 2, () => undefined);
  expect(r.int16()).toBe(ErrorCode.NONE);
  client.close();
}

describe('dev broker under bad input', () => {
  let broker: TestBroker;

  beforeAll(async () => {
    broker = await startTestBroker({ maxFrameBytes: 64 * 1024, maxFetchWaitMs: 100 });
  });

  afterAll(async () => {
    await broker.stop();
  });

  const warnings = () => broker.logger.lines.filter((l) => l.level === 'warn').length;

  it('closes a connection whose size prefix exceeds maxFrameBytes, logs one line, and keeps serving others', async () => {
    const before = warnings();
    const big = Buffer.alloc(4);
    big.writeInt32BE(64 * 1024 + 1, 0);
    expect(await sendAndObserve(broker.port, big)).toEqual({ closed: true, received: 0 });
    expect(warnings() - before).toBe(1);
    expect(broker.logger.lines.at(-1)?.message).toMatch(/frame size 65537/);
    await stillServes(broker);
  });

  it('closes the connection on an unknown API key and on an unsupported version', async () => {
    expect((await sendAndObserve(broker.port, framed(header(999, 0)))).closed).toBe(true);
    expect((await sendAndObserve(broker.port, framed(header(ApiKey.Produce, 2)))).closed).toBe(true);
    expect(broker.logger.lines.at(-1)?.message).toMatch(/unsupported API key 0 version 2/);
    await stillServes(broker);
  });

  it('closes the connection on a truncated request body', async () => {
    const metadata = Buffer.concat([header(ApiKey.Metadata, 6), Buffer.from([0, 0, 0, 5, 0, 3, 0x61])]);
    expect((await sendAndObserve(broker.port, framed(metadata))).closed).toBe(true);
    expect(broker.logger.lines.at(-1)?.message).toMatch(/malformed API key 3 v6/);
    await stillServes(broker);
  });

  it('answers an ApiVersions version newer than its own with UNSUPPORTED_VERSION and the supported range', async () => {
    const client = await RawClient.connect(broker.port);
    const r = await client.request(ApiKey.ApiVersions, 9, () => undefined);
    expect(r.int16()).toBe(ErrorCode.UNSUPPORTED_VERSION);
    expect(r.array((x) => [x.int16(), x.int16(), x.int16()])).toEqual([[ApiKey.ApiVersions, 0, 3]]);
    client.close();
  });

  it('rejects a produced batch with a bad CRC with CORRUPT_MESSAGE, per partition', async () => {
    const topic = uniqueName('crc');
    const admin = kafkaFor(broker.brokers).admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic }] });
    await admin.disconnect();
    const client = await RawClient.connect(broker.port);
    const garbage = Buffer.alloc(80, 1);
    garbage.writeInt32BE(80 - 12, 8);
    garbage.writeInt8(2, 16);
    const r = await client.request(ApiKey.Produce, 7, (w) => {
      w.nullableString(null).int16(-1).int32(1000);
      w.array([topic], (o, t) => o.string(t).array([0], (p, i) => p.int32(i).bytes(garbage)));
    });
    const topics = r.array((t) => ({
      name: t.string(),
      parts: t.array((p) => ({
        index: p.int32(),
        error: p.int16(),
        base: p.int64(),
        ts: p.int64(),
        start: p.int64(),
      })),
    }));
    expect(topics[0]?.parts[0]?.error).toBe(ErrorCode.CORRUPT_MESSAGE);
    client.close();
  });

  it('survives mutated and truncated valid requests of every API (fuzz): no crash, no hang, no internal error', async () => {
    const topic = 'fz-topic';
    const admin = kafkaFor(broker.brokers).admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }] });
    await admin.disconnect();
    const body = (fill: (w: Writer) => void) => {
      const w = new Writer();
      fill(w);
      return Buffer.from(w.finish());
    };
    // Bodies as clients send them (ApiVersions v3 starts with the request header's tag buffer).
    const valid: { key: number; version: number; body: Buffer }[] = [
      {
        key: ApiKey.ApiVersions,
        version: 3,
        body: body((w) => w.emptyTagBuffer().compactString('fz').compactString('1').emptyTagBuffer()),
      },
      {
        key: ApiKey.Metadata,
        version: 6,
        body: body((w) => w.array([topic], (o, t) => o.string(t)).bool(false)),
      },
      {
        key: ApiKey.Produce,
        version: 7,
        body: body((w) =>
          w
            .nullableString(null)
            .int16(-1)
            .int32(1000)
            .array([topic], (o, t) =>
              o.string(t).array([0], (p, i) => p.int32(i).bytes(buildBatch({ values: ['a', 'b'] }))),
            ),
        ),
      },
      {
        key: ApiKey.Fetch,
        version: 11,
        body: body((w) => {
          w.int32(-1)
            .int32(50)
            .int32(1)
            .int32(1 << 20)
            .int8(1)
            .int32(0)
            .int32(-1);
          w.array([topic], (o, t) =>
            o.string(t).array([0], (p, i) =>
              p
                .int32(i)
                .int32(-1)
                .int64(0)
                .int64(-1)
                .int32(1 << 20),
            ),
          );
          w.int32(0).string('');
        }),
      },
      {
        key: ApiKey.ListOffsets,
        version: 3,
        body: body((w) =>
          w
            .int32(-1)
            .int8(0)
            .array([topic], (o, t) => o.string(t).array([0], (p, i) => p.int32(i).int64(-2))),
        ),
      },
      { key: ApiKey.FindCoordinator, version: 2, body: body((w) => w.string('fz-g').int8(0)) },
      {
        key: ApiKey.JoinGroup,
        version: 5,
        body: body((w) =>
          w
            .string('fz-g')
            .int32(6000)
            .int32(100)
            .string('')
            .nullableString(null)
            .string('consumer')
            .array(['rr'], (o, n) => o.string(n).bytes(Buffer.from([0, 1]))),
        ),
      },
      {
        key: ApiKey.SyncGroup,
        version: 3,
        body: body((w) =>
          w
            .string('fz-g')
            .int32(1)
            .string('m')
            .nullableString(null)
            .array(['m'], (o, m) => o.string(m).bytes(Buffer.from([1]))),
        ),
      },
      {
        key: ApiKey.Heartbeat,
        version: 3,
        body: body((w) => w.string('fz-g').int32(1).string('m').nullableString(null)),
      },
      {
        key: ApiKey.LeaveGroup,
        version: 3,
        body: body((w) => w.string('fz-g').array(['m'], (o, m) => o.string(m).nullableString(null))),
      },
      {
        key: ApiKey.OffsetCommit,
        version: 5,
        body: body((w) =>
          w
            .string('fz-g')
            .int32(-1)
            .string('')
            .array([topic], (o, t) =>
              o.string(t).array([0], (p, i) => p.int32(i).int64(1).nullableString(null)),
            ),
        ),
      },
      {
        key: ApiKey.OffsetFetch,
        version: 4,
        body: body((w) =>
          w.string('fz-g').array([topic], (o, t) => o.string(t).array([0, 1], (p, i) => p.int32(i))),
        ),
      },
      { key: ApiKey.DescribeGroups, version: 2, body: body((w) => w.array(['fz-g'], (o, g) => o.string(g))) },
      { key: ApiKey.ListGroups, version: 2, body: Buffer.alloc(0) },
      {
        key: ApiKey.CreateTopics,
        version: 3,
        body: body((w) =>
          w
            .array(['fz-new'], (o, t) => o.string(t).int32(2).int16(1).int32(0).int32(0))
            .int32(1000)
            .bool(true),
        ),
      },
      {
        key: ApiKey.DeleteTopics,
        version: 1,
        body: body((w) => w.array(['fz-none'], (o, t) => o.string(t)).int32(1000)),
      },
      { key: ApiKey.InitProducerId, version: 1, body: body((w) => w.nullableString(null).int32(1000)) },
      {
        key: ApiKey.DeleteGroups,
        version: 1,
        body: body((w) => w.array(['fz-none'], (o, g) => o.string(g))),
      },
    ];
    // Each unmutated request is answered: the fuzz starts from requests the broker understands.
    for (const v of valid) {
      const result = await sendAndObserve(
        broker.port,
        framed(Buffer.concat([header(v.key, v.version), v.body])),
        100,
      );
      expect({ key: v.key, answered: result.received > 0 }).toEqual({ key: v.key, answered: true });
    }
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...valid),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
        fc.option(fc.nat(), { nil: undefined }),
        async (v, flips, cut) => {
          const mutated = Buffer.from(v.body);
          for (const [pos, byte] of flips) if (mutated.length > 0) mutated[pos % mutated.length] = byte;
          const bytes =
            cut === undefined || mutated.length === 0 ? mutated : mutated.subarray(0, cut % mutated.length);
          await sendAndObserve(broker.port, framed(Buffer.concat([header(v.key, v.version), bytes])), 20);
        },
      ),
      { numRuns: 300 },
    );
    await stillServes(broker);
    expect(broker.logger.lines.filter((l) => l.level === 'error')).toEqual([]);
  }, 90_000);

  it('survives random frames for every supported API (fuzz): no crash, no hang, no internal error', async () => {
    const apis = [...SUPPORTED_APIS].map(([key, range]) => ({ key, ...range }));
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...apis)
          .chain((api) =>
            fc.tuple(
              fc.constant(api.key),
              fc.integer({ min: api.min, max: api.max }),
              fc.uint8Array({ maxLength: 120 }),
            ),
          ),
        async ([key, version, body]) => {
          await sendAndObserve(
            broker.port,
            framed(Buffer.concat([header(key, version), Buffer.from(body)])),
            20,
          );
        },
      ),
      { numRuns: 300 },
    );
    await stillServes(broker);
    expect(broker.logger.lines.filter((l) => l.level === 'error')).toEqual([]);
  }, 60_000);
});
