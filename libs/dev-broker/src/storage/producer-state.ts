import { ErrorCode, type ErrorCodeValue } from '../protocol/errors';
import { type BatchHeader } from '../protocol/record-batch';

/**
 * Idempotent-producer bookkeeping for one partition (spec §2.4): per producer id the epoch and
 * the last five batches' sequence ranges, which is what clients may have in flight. The state is
 * rebuilt by replaying batch headers from the log on start, so a producer that outlives a broker
 * restart continues without OUT_OF_ORDER_SEQUENCE_NUMBER.
 */
const BATCHES_TO_RETAIN = 5;
const INT32_MAX = 0x7fffffff;

interface BatchMeta {
  firstSeq: number;
  lastSeq: number;
  baseOffset: number;
}

interface ProducerEntry {
  epoch: number;
  batches: BatchMeta[];
}

export type SequenceCheck =
  | { kind: 'append' }
  | { kind: 'duplicate'; baseOffset: number }
  | { kind: 'error'; error: ErrorCodeValue; reason: string };

function lastSeqOf(header: BatchHeader): number {
  // Sequences wrap at INT32_MAX back to 0, like the clients do.
  return (header.baseSequence + header.lastOffsetDelta) % (INT32_MAX + 1);
}

export class ProducerStateTable {
  private readonly producers = new Map<number, ProducerEntry>();

  check(header: BatchHeader): SequenceCheck {
    if (header.producerId < 0) return { kind: 'append' };
    const entry = this.producers.get(header.producerId);
    if (entry === undefined || header.producerEpoch > entry.epoch) {
      if (header.baseSequence !== 0) {
        return {
          kind: 'error',
          error: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
          reason: `new producer/epoch must start at sequence 0, got ${header.baseSequence}`,
        };
      }
      return { kind: 'append' };
    }
    if (header.producerEpoch < entry.epoch) {
      return {
        kind: 'error',
        error: ErrorCode.INVALID_PRODUCER_EPOCH,
        reason: `epoch ${header.producerEpoch} < ${entry.epoch}`,
      };
    }
    const lastSeq = lastSeqOf(header);
    const dup = entry.batches.find((b) => b.firstSeq === header.baseSequence && b.lastSeq === lastSeq);
    if (dup !== undefined) return { kind: 'duplicate', baseOffset: dup.baseOffset };
    const last = entry.batches[entry.batches.length - 1];
    const expected = last === undefined ? 0 : (last.lastSeq + 1) % (INT32_MAX + 1);
    if (header.baseSequence !== expected) {
      return {
        kind: 'error',
        error: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
        reason: `expected sequence ${expected}, got ${header.baseSequence}`,
      };
    }
    return { kind: 'append' };
  }

  /** Records a batch that is now in the log (after append, or while replaying the log). */
  record(header: BatchHeader, baseOffset: number): void {
    if (header.producerId < 0) return;
    let entry = this.producers.get(header.producerId);
    if (entry === undefined || header.producerEpoch > entry.epoch) {
      entry = { epoch: header.producerEpoch, batches: [] };
      this.producers.set(header.producerId, entry);
    } else if (header.producerEpoch < entry.epoch) {
      return;
    }
    entry.batches.push({ firstSeq: header.baseSequence, lastSeq: lastSeqOf(header), baseOffset });
    if (entry.batches.length > BATCHES_TO_RETAIN) entry.batches.shift();
  }

  /** Highest producer id seen, so the allocator never hands out one already in a log. */
  maxProducerId(): number {
    let max = -1;
    for (const id of this.producers.keys()) if (id > max) max = id;
    return max;
  }
}
