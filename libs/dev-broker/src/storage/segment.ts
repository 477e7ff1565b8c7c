import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  BATCH_OVERHEAD,
  LOG_OVERHEAD,
  crcMatches,
  readBatchHeader,
  type BatchHeader,
} from '../protocol/record-batch';
import { OffsetIndex } from './offset-index';

/**
 * One append-only segment file `<20-digit base offset>.log` holding complete RecordBatches with
 * their final offsets, plus its sparse index. Reads go to the file (the page cache does the
 * caching), so a partition's data is never held in the broker's heap.
 */
export class Segment {
  size = 0;
  /** Offset after the last batch in this segment. */
  nextOffset: number;
  /** Largest batch maxTimestamp seen, for time retention and timestamp lookups. */
  maxTimestamp = -1;
  private fd: number;
  readonly index: OffsetIndex;

  private constructor(
    readonly dir: string,
    readonly baseOffset: number,
    indexIntervalBytes: number,
  ) {
    this.nextOffset = baseOffset;
    this.fd = fs.openSync(this.logFile, 'a+');
    this.size = fs.fstatSync(this.fd).size;
    this.index = new OffsetIndex(
      path.join(dir, `${Segment.fileStem(baseOffset)}.index`),
      baseOffset,
      indexIntervalBytes,
    );
  }

  static fileStem(baseOffset: number): string {
    return String(baseOffset).padStart(20, '0');
  }

  static open(dir: string, baseOffset: number, indexIntervalBytes: number): Segment {
    return new Segment(dir, baseOffset, indexIntervalBytes);
  }

  get logFile(): string {
    return path.join(this.dir, `${Segment.fileStem(this.baseOffset)}.log`);
  }

  /**
   * Walks the batches on disk, rebuilding the index and offsets, and truncates at the first batch
   * that is torn (runs past EOF) or, when `verifyCrc`, corrupt — what a crash mid-write leaves.
   * Returns the headers of the good batches in order (used to rebuild producer state).
   */
  recover(verifyCrc: boolean, onBatch: (header: BatchHeader) => void): { truncatedBytes: number } {
    const fileSize = this.size;
    const head = Buffer.allocUnsafe(BATCH_OVERHEAD);
    let pos = 0;
    while (pos + BATCH_OVERHEAD <= fileSize) {
      fs.readSync(this.fd, head, 0, BATCH_OVERHEAD, pos);
      const header = readBatchHeader(head);
      const total = header.batchLength + LOG_OVERHEAD;
      if (
        header.magic !== 2 ||
        total < BATCH_OVERHEAD ||
        pos + total > fileSize ||
        header.baseOffset < this.nextOffset
      )
        break;
      if (verifyCrc) {
        const whole = this.read(pos, total);
        if (!crcMatches(whole, 0, total)) break;
      }
      this.index.onAppend(header.baseOffset, pos);
      this.nextOffset = header.baseOffset + header.lastOffsetDelta + 1;
      if (header.maxTimestamp > this.maxTimestamp) this.maxTimestamp = header.maxTimestamp;
      onBatch(header);
      pos += total;
    }
    const truncatedBytes = fileSize - pos;
    if (truncatedBytes > 0) {
      fs.ftruncateSync(this.fd, pos);
      this.size = pos;
    }
    return { truncatedBytes };
  }

  /** Appends one stamped batch; one write per batch so a crash tears at most the last one. */
  append(batch: Buffer, header: BatchHeader): void {
    const position = this.size;
    let written = 0;
    while (written < batch.length) {
      written += fs.writeSync(this.fd, batch, written, batch.length - written, position + written);
    }
    this.index.onAppend(header.baseOffset, position);
    this.size += batch.length;
    this.nextOffset = header.baseOffset + header.lastOffsetDelta + 1;
    if (header.maxTimestamp > this.maxTimestamp) this.maxTimestamp = header.maxTimestamp;
  }

  read(position: number, length: number): Buffer {
    const out = Buffer.allocUnsafe(length);
    let got = 0;
    while (got < length) {
      const n = fs.readSync(this.fd, out, got, length - got, position + got);
      if (n === 0) break;
      got += n;
    }
    return got === length ? out : out.subarray(0, got);
  }

  readHeader(position: number): BatchHeader | null {
    if (position + BATCH_OVERHEAD > this.size) return null;
    return readBatchHeader(this.read(position, BATCH_OVERHEAD));
  }

  /** Position of the batch containing `offset` (first batch whose last offset ≥ offset), or -1. */
  findBatchPosition(offset: number): number {
    let pos = this.index.lookup(offset);
    while (pos < this.size) {
      const header = this.readHeader(pos);
      if (header === null) return -1;
      if (header.baseOffset + header.lastOffsetDelta >= offset) return pos;
      pos += header.batchLength + LOG_OVERHEAD;
    }
    return -1;
  }

  sync(): void {
    fs.fdatasyncSync(this.fd);
    this.index.sync();
  }

  syncTargets(): number[] {
    return [this.fd, this.index.fd];
  }

  close(): void {
    fs.closeSync(this.fd);
    this.index.close();
  }

  delete(): void {
    fs.closeSync(this.fd);
    fs.rmSync(this.logFile, { force: true });
    this.index.delete();
  }
}
