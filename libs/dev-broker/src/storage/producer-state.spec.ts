import { buildBatch } from '../../test/support/batch-builder';
import { ErrorCode } from '../protocol/errors';
import { readBatchHeader } from '../protocol/record-batch';
import { ProducerStateTable } from './producer-state';

const header = (producerId: number, producerEpoch: number, baseSequence: number, count: number) =>
  readBatchHeader(
    buildBatch({
      values: Array.from({ length: count }, (_, i) => `v${i}`),
      producerId,
      producerEpoch,
      baseSequence,
    }),
  );

describe('idempotent producer state', () => {
  it('accepts consecutive sequences and recognises a retried batch as a duplicate with its first offset', () => {
    const table = new ProducerStateTable();
    const first = header(7, 0, 0, 3);
    expect(table.check(first)).toEqual({ kind: 'append' });
    table.record(first, 100);
    const second = header(7, 0, 3, 2);
    expect(table.check(second)).toEqual({ kind: 'append' });
    table.record(second, 103);
    expect(table.check(header(7, 0, 0, 3))).toEqual({ kind: 'duplicate', baseOffset: 100 });
  });

  it('rejects a sequence gap with OUT_OF_ORDER_SEQUENCE_NUMBER and an old epoch with INVALID_PRODUCER_EPOCH', () => {
    const table = new ProducerStateTable();
    table.record(header(7, 1, 0, 1), 0);
    expect(table.check(header(7, 1, 5, 1))).toMatchObject({
      kind: 'error',
      error: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
    });
    expect(table.check(header(7, 0, 1, 1))).toMatchObject({
      kind: 'error',
      error: ErrorCode.INVALID_PRODUCER_EPOCH,
    });
    expect(table.check(header(8, 0, 4, 1))).toMatchObject({
      kind: 'error',
      error: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
    });
  });

  it('ignores non-idempotent batches', () => {
    expect(new ProducerStateTable().check(header(-1, 0, 42, 1))).toEqual({ kind: 'append' });
  });
});
