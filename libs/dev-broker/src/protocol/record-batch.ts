import { crc32c } from './crc32c';
import { ErrorCode, type ErrorCodeValue } from './errors';

/**
 * RecordBatch v2 (magic 2) header view (spec §2.3). The broker never decodes records: a batch is
 * stored and served byte-for-byte, and only baseOffset and partitionLeaderEpoch — both outside the
 * CRC — are rewritten on append.
 */
export const BATCH_OVERHEAD = 61;
/** baseOffset (8) + batchLength (4): the part of a batch not counted by batchLength. */
export const LOG_OVERHEAD = 12;

const ATTR_TRANSACTIONAL = 0x10;
const ATTR_CONTROL = 0x20;

export interface BatchHeader {
  readonly baseOffset: number;
  readonly batchLength: number;
  readonly magic: number;
  readonly crc: number;
  readonly attributes: number;
  readonly lastOffsetDelta: number;
  readonly baseTimestamp: number;
  readonly maxTimestamp: number;
  readonly producerId: number;
  readonly producerEpoch: number;
  readonly baseSequence: number;
  readonly recordsCount: number;
}

/** Total bytes of the batch starting at `off` (header included). */
export function batchSizeAt(buf: Buffer, off: number): number {
  return buf.readInt32BE(off + 8) + LOG_OVERHEAD;
}

export function readBatchHeader(buf: Buffer, off = 0): BatchHeader {
  return {
    baseOffset: Number(buf.readBigInt64BE(off)),
    batchLength: buf.readInt32BE(off + 8),
    magic: buf.readInt8(off + 16),
    crc: buf.readUInt32BE(off + 17),
    attributes: buf.readInt16BE(off + 21),
    lastOffsetDelta: buf.readInt32BE(off + 23),
    baseTimestamp: Number(buf.readBigInt64BE(off + 27)),
    maxTimestamp: Number(buf.readBigInt64BE(off + 35)),
    producerId: Number(buf.readBigInt64BE(off + 43)),
    producerEpoch: buf.readInt16BE(off + 51),
    baseSequence: buf.readInt32BE(off + 53),
    recordsCount: buf.readInt32BE(off + 57),
  };
}

export function isTransactional(header: BatchHeader): boolean {
  return (header.attributes & ATTR_TRANSACTIONAL) !== 0;
}

export function isControl(header: BatchHeader): boolean {
  return (header.attributes & ATTR_CONTROL) !== 0;
}

/** Rewrites the two broker-owned fields; the CRC stays valid because neither is covered by it. */
export function stampBatch(buf: Buffer, baseOffset: number, leaderEpoch = 0): void {
  buf.writeBigInt64BE(BigInt(baseOffset), 0);
  buf.writeInt32BE(leaderEpoch, 12);
}

export function crcMatches(buf: Buffer, off: number, size: number): boolean {
  return crc32c(buf, off + 21, off + size) === buf.readUInt32BE(off + 17);
}

export type SplitResult =
  { ok: true; batches: Buffer[] } | { ok: false; error: ErrorCodeValue; reason: string };

/**
 * Splits a Produce `records` blob into validated batches. Each returned Buffer is a view into the
 * request frame, which the broker owns, so stamping it in place is safe.
 */
export function splitAndValidate(records: Buffer, maxBatchBytes: number): SplitResult {
  const batches: Buffer[] = [];
  let off = 0;
  while (off < records.length) {
    if (records.length - off < BATCH_OVERHEAD) {
      return { ok: false, error: ErrorCode.CORRUPT_MESSAGE, reason: 'batch shorter than its header' };
    }
    const size = batchSizeAt(records, off);
    if (size < BATCH_OVERHEAD || off + size > records.length) {
      return {
        ok: false,
        error: ErrorCode.CORRUPT_MESSAGE,
        reason: `batch length ${size} does not match the bytes sent`,
      };
    }
    if (records.readInt8(off + 16) !== 2) {
      return {
        ok: false,
        error: ErrorCode.CORRUPT_MESSAGE,
        reason: `unsupported magic ${records.readInt8(off + 16)}`,
      };
    }
    if (size > maxBatchBytes) {
      return {
        ok: false,
        error: ErrorCode.MESSAGE_TOO_LARGE,
        reason: `batch of ${size} bytes exceeds ${maxBatchBytes}`,
      };
    }
    if (!crcMatches(records, off, size)) {
      return { ok: false, error: ErrorCode.CORRUPT_MESSAGE, reason: 'CRC-32C mismatch' };
    }
    if (records.readInt32BE(off + 23) < 0) {
      return { ok: false, error: ErrorCode.CORRUPT_MESSAGE, reason: 'negative lastOffsetDelta' };
    }
    batches.push(records.subarray(off, off + size));
    off += size;
  }
  if (batches.length === 0) return { ok: false, error: ErrorCode.CORRUPT_MESSAGE, reason: 'no record batch' };
  return { ok: true, batches };
}
