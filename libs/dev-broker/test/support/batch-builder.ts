import { crc32c } from '../../src/protocol/crc32c';

/** Builds RecordBatch v2 bytes the way producers do, for unit tests that need real batches. */
export interface BuildBatchOptions {
  values: string[];
  producerId?: number;
  producerEpoch?: number;
  baseSequence?: number;
  timestamp?: number;
}

function zigzagVarint(n: number): number[] {
  let v = n >= 0 ? n * 2 : -n * 2 - 1;
  const out: number[] = [];
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}

export function buildBatch(opts: BuildBatchOptions): Buffer {
  const ts = opts.timestamp ?? 1_700_000_000_000;
  const records = opts.values.map((value, i) => {
    const v = Buffer.from(value);
    const body = Buffer.from([
      0,
      ...zigzagVarint(0),
      ...zigzagVarint(i),
      ...zigzagVarint(-1),
      ...zigzagVarint(v.length),
      ...v,
      ...zigzagVarint(0),
    ]);
    return Buffer.concat([Buffer.from(zigzagVarint(body.length)), body]);
  });
  const recordBytes = Buffer.concat(records);
  const batch = Buffer.alloc(61 + recordBytes.length);
  batch.writeBigInt64BE(0n, 0);
  batch.writeInt32BE(batch.length - 12, 8);
  batch.writeInt32BE(0, 12);
  batch.writeInt8(2, 16);
  batch.writeInt16BE(0, 21);
  batch.writeInt32BE(opts.values.length - 1, 23);
  batch.writeBigInt64BE(BigInt(ts), 27);
  batch.writeBigInt64BE(BigInt(ts), 35);
  batch.writeBigInt64BE(BigInt(opts.producerId ?? -1), 43);
  batch.writeInt16BE(opts.producerEpoch ?? 0, 51);
  batch.writeInt32BE(opts.baseSequence ?? -1, 53);
  batch.writeInt32BE(opts.values.length, 57);
  recordBytes.copy(batch, 61);
  batch.writeUInt32BE(crc32c(batch, 21), 17);
  return batch;
}
