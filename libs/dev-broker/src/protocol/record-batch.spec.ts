import { buildBatch } from '../../test/support/batch-builder';
import { ErrorCode } from './errors';
import { crcMatches, readBatchHeader, splitAndValidate, stampBatch } from './record-batch';

describe('RecordBatch v2', () => {
  it('keeps the CRC valid when the broker stamps base offset and leader epoch', () => {
    const batch = buildBatch({ values: ['a', 'b', 'c'] });
    stampBatch(batch, 123456789, 0);
    expect(readBatchHeader(batch).baseOffset).toBe(123456789);
    expect(crcMatches(batch, 0, batch.length)).toBe(true);
  });

  it('splits a blob of several batches and reads their headers', () => {
    const blob = Buffer.concat([buildBatch({ values: ['a'] }), buildBatch({ values: ['b', 'c'] })]);
    const result = splitAndValidate(blob, 1 << 20);
    expect(result.ok && result.batches.map((b) => readBatchHeader(b).lastOffsetDelta)).toEqual([0, 1]);
  });

  it('rejects a batch whose bytes were altered (CRC mismatch) as CORRUPT_MESSAGE', () => {
    const batch = buildBatch({ values: ['hello'] });
    batch[batch.length - 3] ^= 0xff;
    expect(splitAndValidate(batch, 1 << 20)).toMatchObject({ ok: false, error: ErrorCode.CORRUPT_MESSAGE });
  });

  it('rejects a truncated batch and a batch over the size limit', () => {
    const batch = buildBatch({ values: ['hello world'] });
    expect(splitAndValidate(batch.subarray(0, batch.length - 1), 1 << 20)).toMatchObject({
      ok: false,
      error: ErrorCode.CORRUPT_MESSAGE,
    });
    expect(splitAndValidate(batch, 10)).toMatchObject({ ok: false, error: ErrorCode.MESSAGE_TOO_LARGE });
  });
});
