import * as fs from 'node:fs';
import * as path from 'node:path';
import { type ErrorCodeValue } from '../protocol/errors';
import { LOG_OVERHEAD, batchSizeAt, readBatchHeader, stampBatch } from '../protocol/record-batch';
import { type BrokerLogger } from '../logger';
import { ProducerStateTable } from './producer-state';
import { Segment } from './segment';
import { type SyncScheduler, type Syncable } from './sync-policy';

export interface LogSettings {
  readonly segmentBytes: number;
  readonly indexIntervalBytes: number;
}

export type AppendResult =
  | { ok: true; baseOffset: number; appendedBytes: number }
  | { ok: false; error: ErrorCodeValue; reason: string };

const EMPTY = Buffer.alloc(0);

/**
 * One partition's log: an ordered list of segments, the last one active. Single writer (the
 * event loop), so offsets are assigned without locks. High watermark = log end offset (one
 * replica, no transactions, so the last stable offset is the same too).
 */
export class PartitionLog implements Syncable {
  private segments: Segment[] = [];
  /** Segments rolled since the last fsync; their tails still need one. */
  private rolledUnsynced: Segment[] = [];
  readonly producers = new ProducerStateTable();

  private constructor(
    readonly dir: string,
    private readonly settings: LogSettings,
    private readonly scheduler: SyncScheduler,
  ) {}

  /** Opens (or creates) the partition directory, recovering the segments found there. */
  static open(dir: string, settings: LogSettings, sync: SyncScheduler, logger: BrokerLogger): PartitionLog {
    fs.mkdirSync(dir, { recursive: true });
    const log = new PartitionLog(dir, settings, sync);
    const bases = fs
      .readdirSync(dir)
      .filter((f) => /^\d{20}\.log$/.test(f))
      .map((f) => Number(f.slice(0, 20)))
      .sort((a, b) => a - b);
    if (bases.length === 0) bases.push(0);
    bases.forEach((base, i) => {
      const segment = Segment.open(dir, base, settings.indexIntervalBytes);
      // Only the last segment can hold a torn write; older ones were complete when rolled, so
      // their batches are walked for offsets and producer state but not CRC-checked again.
      const isLast = i === bases.length - 1;
      const { truncatedBytes } = segment.recover(isLast, (header) =>
        log.producers.record(header, header.baseOffset),
      );
      if (truncatedBytes > 0) {
        logger.warn(`dev-broker: truncated ${truncatedBytes} torn bytes at the tail of ${segment.logFile}`);
      }
      log.segments.push(segment);
    });
    return log;
  }

  private get active(): Segment {
    return this.segments[this.segments.length - 1] as Segment;
  }

  /** Log end offset: the next offset to assign. */
  get logEndOffset(): number {
    return this.active.nextOffset;
  }

  get highWatermark(): number {
    return this.logEndOffset;
  }

  get logStartOffset(): number {
    return (this.segments[0] as Segment).baseOffset;
  }

  get sizeBytes(): number {
    return this.segments.reduce((sum, s) => sum + s.size, 0);
  }

  get segmentCount(): number {
    return this.segments.length;
  }

  /** Appends validated batches of one Produce partition; idempotent duplicates are not re-appended. */
  append(batches: readonly Buffer[]): AppendResult {
    let firstBase = -1;
    let appendedBytes = 0;
    for (const batch of batches) {
      const incoming = readBatchHeader(batch);
      const check = this.producers.check(incoming);
      if (check.kind === 'error') return { ok: false, error: check.error, reason: check.reason };
      if (check.kind === 'duplicate') {
        if (firstBase < 0) firstBase = check.baseOffset;
        continue;
      }
      if (this.active.size > 0 && this.active.size + batch.length > this.settings.segmentBytes) this.roll();
      const baseOffset = this.logEndOffset;
      stampBatch(batch, baseOffset);
      const header = { ...incoming, baseOffset };
      this.active.append(batch, header);
      this.producers.record(header, baseOffset);
      if (firstBase < 0) firstBase = baseOffset;
      appendedBytes += batch.length;
    }
    if (appendedBytes > 0) this.scheduler.written(this);
    return { ok: true, baseOffset: firstBase, appendedBytes };
  }

  private roll(): void {
    this.rolledUnsynced.push(this.active);
    this.scheduler.written(this);
    this.segments.push(Segment.open(this.dir, this.logEndOffset, this.settings.indexIntervalBytes));
  }

  /**
   * Whole batches starting with the one that contains `offset`, up to `maxBytes`; if even the
   * first batch is larger and `minOneBatch`, that batch alone (KIP-74: a consumer must always
   * make progress). Reads stay within one segment, as Kafka's do.
   */
  read(offset: number, maxBytes: number, minOneBatch: boolean): Buffer {
    if (offset >= this.logEndOffset) return EMPTY;
    for (let i = this.segmentIndexFor(offset); i < this.segments.length; i++) {
      const segment = this.segments[i] as Segment;
      if (offset >= segment.nextOffset) continue;
      const pos = segment.findBatchPosition(offset);
      if (pos < 0) continue;
      const chunk = segment.read(pos, Math.min(Math.max(maxBytes, 0), segment.size - pos));
      let end = 0;
      while (end + LOG_OVERHEAD <= chunk.length) {
        const size = batchSizeAt(chunk, end);
        if (end + size > chunk.length) break;
        end += size;
      }
      if (end > 0) return chunk.subarray(0, end);
      if (!minOneBatch) return EMPTY;
      const header = segment.readHeader(pos);
      return header === null ? EMPTY : segment.read(pos, header.batchLength + LOG_OVERHEAD);
    }
    return EMPTY;
  }

  private segmentIndexFor(offset: number): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    let found = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.segments[mid] as Segment).baseOffset <= offset) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /**
   * First batch whose maxTimestamp ≥ `timestamp` — a batch-level approximation of Kafka's
   * per-record lookup (documented in the README): returns that batch's base offset.
   */
  offsetForTimestamp(timestamp: number): { offset: number; timestamp: number } {
    for (const segment of this.segments) {
      if (segment.maxTimestamp < timestamp) continue;
      let pos = 0;
      while (pos < segment.size) {
        const header = segment.readHeader(pos);
        if (header === null) break;
        if (header.maxTimestamp >= timestamp)
          return { offset: header.baseOffset, timestamp: header.maxTimestamp };
        pos += header.batchLength + LOG_OVERHEAD;
      }
    }
    return { offset: -1, timestamp: -1 };
  }

  /**
   * Deletes whole segments older than `retentionMs` (by their newest batch timestamp) or beyond
   * `retentionBytes`, oldest first, which advances the log start offset. The active segment is
   * rolled first when it has expired entirely, so a quiet topic still ages out.
   */
  enforceRetention(now: number, retentionMs: number, retentionBytes: number): number {
    let deleted = 0;
    if (retentionMs >= 0 && this.active.size > 0 && this.segmentAge(this.active) < now - retentionMs)
      this.roll();
    while (
      this.segments.length > 1 &&
      retentionMs >= 0 &&
      this.segmentAge(this.segments[0] as Segment) < now - retentionMs
    ) {
      this.deleteOldest();
      deleted++;
    }
    if (retentionBytes >= 0) {
      let total = this.sizeBytes;
      while (this.segments.length > 1 && total - retentionBytes >= (this.segments[0] as Segment).size) {
        total -= (this.segments[0] as Segment).size;
        this.deleteOldest();
        deleted++;
      }
    }
    return deleted;
  }

  private segmentAge(segment: Segment): number {
    if (segment.maxTimestamp >= 0) return segment.maxTimestamp;
    return fs.statSync(segment.logFile).mtimeMs;
  }

  private deleteOldest(): void {
    const oldest = this.segments.shift() as Segment;
    oldest.delete();
  }

  sync(): void {
    for (const segment of this.rolledUnsynced) if (this.segments.includes(segment)) segment.sync();
    this.rolledUnsynced = [];
    this.active.sync();
  }

  syncTargets(): number[] {
    const segments = [...this.rolledUnsynced.filter((s) => this.segments.includes(s)), this.active];
    this.rolledUnsynced = [];
    return segments.flatMap((s) => s.syncTargets());
  }

  close(): void {
    this.scheduler.forget(this);
    for (const segment of this.segments) segment.close();
  }

  /** Closes and removes the partition directory (DeleteTopics). */
  destroy(): void {
    this.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  static partitionDir(topicDir: string, partition: number): string {
    return path.join(topicDir, String(partition));
  }
}
