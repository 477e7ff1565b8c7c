import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildBatch } from '../../test/support/batch-builder';
import { type BrokerLogger } from '../logger';
import { LOG_OVERHEAD, readBatchHeader } from '../protocol/record-batch';
import { PartitionLog } from './partition-log';
import { SyncScheduler } from './sync-policy';

const quiet: BrokerLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

function open(dir: string, segmentBytes = 1 << 20, logger: BrokerLogger = quiet): PartitionLog {
  return PartitionLog.open(
    dir,
    { segmentBytes, indexIntervalBytes: 256 },
    new SyncScheduler('batch'),
    logger,
  );
}

function batchesIn(blob: Buffer): { base: number; count: number }[] {
  const out: { base: number; count: number }[] = [];
  for (let off = 0; off < blob.length;) {
    const h = readBatchHeader(blob, off);
    out.push({ base: h.baseOffset, count: h.lastOffsetDelta + 1 });
    off += h.batchLength + LOG_OVERHEAD;
  }
  return out;
}

describe('partition log', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plog-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('assigns dense offsets, stores batches byte-for-byte apart from the base offset, and serves from the batch containing the offset', () => {
    const log = open(dir);
    const produced = [
      buildBatch({ values: ['a', 'b', 'c'] }),
      buildBatch({ values: ['d'] }),
      buildBatch({ values: ['e', 'f'] }),
    ];
    const originals = produced.map((b) => Buffer.from(b));
    for (const b of produced) log.append([b]);
    expect(log.logEndOffset).toBe(6);
    const all = log.read(0, 1 << 20, true);
    expect(batchesIn(all)).toEqual([
      { base: 0, count: 3 },
      { base: 3, count: 1 },
      { base: 4, count: 2 },
    ]);
    // Only bytes 0..7 (base offset) may differ from what the producer sent.
    let off = 0;
    for (const original of originals) {
      expect(all.subarray(off + 8, off + original.length)).toEqual(original.subarray(8));
      off += original.length;
    }
    expect(batchesIn(log.read(5, 1 << 20, true))[0]).toEqual({ base: 4, count: 2 });
    log.close();
  });

  it('returns one whole batch even when it is larger than the fetch limit (KIP-74), and nothing when not first', () => {
    const log = open(dir);
    log.append([buildBatch({ values: ['x'.repeat(5000)] })]);
    expect(batchesIn(log.read(0, 100, true))).toEqual([{ base: 0, count: 1 }]);
    expect(log.read(0, 100, false)).toHaveLength(0);
    log.close();
  });

  it('truncates a torn tail on open and continues at the last complete batch', () => {
    const logger = { ...quiet, warn: jest.fn() };
    const log = open(dir);
    log.append([buildBatch({ values: ['a', 'b'] })]);
    log.append([buildBatch({ values: ['c'] })]);
    log.close();
    const file = path.join(dir, `${'0'.padStart(20, '0')}.log`);
    const torn = buildBatch({ values: ['lost'] }).subarray(0, 40);
    fs.appendFileSync(file, torn);
    const reopened = open(dir, 1 << 20, logger);
    expect(reopened.logEndOffset).toBe(3);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/truncated 40 torn bytes/));
    reopened.append([buildBatch({ values: ['d'] })]);
    expect(batchesIn(reopened.read(0, 1 << 20, true)).map((b) => b.base)).toEqual([0, 2, 3]);
    reopened.close();
  });

  it('rebuilds idempotent producer state from the log so a retried batch is recognised after restart', () => {
    const log = open(dir);
    log.append([buildBatch({ values: ['a'], producerId: 5, producerEpoch: 0, baseSequence: 0 })]);
    log.close();
    const reopened = open(dir);
    const retry = reopened.append([
      buildBatch({ values: ['a'], producerId: 5, producerEpoch: 0, baseSequence: 0 }),
    ]);
    expect(retry).toEqual({ ok: true, baseOffset: 0, appendedBytes: 0 });
    const next = reopened.append([
      buildBatch({ values: ['b'], producerId: 5, producerEpoch: 0, baseSequence: 1 }),
    ]);
    expect(next).toMatchObject({ ok: true, baseOffset: 1 });
    reopened.close();
  });

  it('rolls segments at segmentBytes, reads across them from disk, and retention by size deletes whole old segments', () => {
    const log = open(dir, 2048);
    for (let i = 0; i < 20; i++) log.append([buildBatch({ values: [`${i}:${'p'.repeat(400)}`] })]);
    expect(log.segmentCount).toBeGreaterThan(3);
    expect(batchesIn(log.read(19, 1 << 20, true))).toEqual([{ base: 19, count: 1 }]);
    const deleted = log.enforceRetention(Date.now(), -1, 4096);
    expect(deleted).toBeGreaterThan(0);
    expect(log.logStartOffset).toBeGreaterThan(0);
    expect(log.sizeBytes).toBeGreaterThanOrEqual(4096 - 2048);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.log'))).toHaveLength(log.segmentCount);
    expect(batchesIn(log.read(log.logStartOffset, 1 << 20, true))[0]?.base).toBe(log.logStartOffset);
    log.close();
  });

  it('retention by time deletes segments whose newest record is older than retentionMs, rolling the active one', () => {
    const log = open(dir, 2048);
    const old = Date.now() - 60_000;
    for (let i = 0; i < 6; i++) log.append([buildBatch({ values: ['q'.repeat(500)], timestamp: old })]);
    expect(log.enforceRetention(Date.now(), 30_000, -1)).toBeGreaterThan(0);
    expect(log.logStartOffset).toBe(6);
    expect(log.logEndOffset).toBe(6);
    log.append([buildBatch({ values: ['new'] })]);
    expect(batchesIn(log.read(6, 1 << 20, true))).toEqual([{ base: 6, count: 1 }]);
    log.close();
  });

  it('finds offsets by timestamp at batch granularity', () => {
    const log = open(dir);
    log.append([buildBatch({ values: ['a'], timestamp: 1000 })]);
    log.append([buildBatch({ values: ['b', 'c'], timestamp: 2000 })]);
    expect(log.offsetForTimestamp(1500)).toEqual({ offset: 1, timestamp: 2000 });
    expect(log.offsetForTimestamp(5000)).toEqual({ offset: -1, timestamp: -1 });
    log.close();
  });
});
