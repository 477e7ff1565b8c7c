import * as net from 'node:net';
import fc from 'fast-check';
import { SUPPORTED_APIS } from '../src';
import { ApiKey } from '../src/protocol/api-keys';
import { ErrorCode } from '../src/protocol/errors';
import { kafkaFor, startTestBroker, uniqueName } from './support/broker-fixture';
import { RawClient } from './support/raw-client';

type TestBroker = Awaited<ReturnType<typeof startTestBroker>>;

/** Sends bytes on a fresh connection; resolves with what came back before close or `waitMs`. */
function sendAndObserve(port: number, bytes: Buffer, waitMs = 300): Promise<{ closed: boolean; received: number }> {
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
    const topics = r.array((t) => ({ name: t.string(), parts: t.array((p) => ({ index: p.int32(), error: p.int16(), base: p.int64(), ts: p.int64(), start: p.int64() })) }));
    expect(topics[0]?.parts[0]?.error).toBe(ErrorCode.CORRUPT_MESSAGE);
    client.close();
  });

  it('survives random frames for every supported API (fuzz): no crash, no hang, no internal error', async () => {
    const apis = [...SUPPORTED_APIS].map(([key, range]) => ({ key, ...range }));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...apis).chain((api) => fc.tuple(fc.constant(api.key), fc.integer({ min: api.min, max: api.max }), fc.uint8Array({ maxLength: 120 }))),
        async ([key, version, body]) => {
          await sendAndObserve(broker.port, framed(Buffer.concat([header(key, version), Buffer.from(body)])), 20);
        },
      ),
      { numRuns: 300 },
    );
    await stillServes(broker);
    expect(broker.logger.lines.filter((l) => l.level === 'error')).toEqual([]);
  }, 60_000);
});
