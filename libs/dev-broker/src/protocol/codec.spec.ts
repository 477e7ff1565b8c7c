import { crc32c } from './crc32c';
import { ProtocolError, Reader } from './reader';
import { Writer } from './writer';

describe('protocol primitives', () => {
  it('computes the CRC-32C check value of "123456789"', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
  });

  it('computes the same CRC-32C for every split of a buffer length (fast and tail paths agree)', () => {
    const data = Buffer.from(Array.from({ length: 37 }, (_, i) => (i * 31) & 0xff));
    const slow = (buf: Buffer) => {
      let crc = 0xffffffff;
      for (const b of buf) {
        crc ^= b;
        for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1;
      }
      return (crc ^ 0xffffffff) >>> 0;
    };
    for (let n = 0; n <= data.length; n++)
      expect(crc32c(data.subarray(0, n))).toBe(slow(data.subarray(0, n)));
  });

  it('round-trips every fixed-width and variable-width type', () => {
    const w = new Writer(4);
    w.int8(-3)
      .int16(-300)
      .int32(70000)
      .int64(2 ** 40)
      .string('连心')
      .nullableString(null)
      .bytes(Buffer.from([1, 2]))
      .bytes(null)
      .unsignedVarint(300)
      .compactString('ab');
    w.array([1, 2, 3], (out, v) => out.int32(v));
    const r = new Reader(w.finish());
    expect([r.int8(), r.int16(), r.int32(), r.int64(), r.string(), r.nullableString()]).toEqual([
      -3,
      -300,
      70000,
      2 ** 40,
      '连心',
      null,
    ]);
    expect([...r.bytes()]).toEqual([1, 2]);
    expect(r.nullableBytes()).toBeNull();
    expect(r.unsignedVarint()).toBe(300);
    expect(r.compactString()).toBe('ab');
    expect(r.array((x) => x.int32())).toEqual([1, 2, 3]);
    expect(r.remaining).toBe(0);
  });

  it('refuses to read past the end of a frame', () => {
    const r = new Reader(Buffer.from([0, 5, 0x61]));
    expect(() => r.string()).toThrow(ProtocolError);
  });

  it('refuses an array count larger than the bytes left, instead of looping on it', () => {
    const w = new Writer().int32(1_000_000_000);
    expect(() => new Reader(w.finish()).array((x) => x.int8())).toThrow(ProtocolError);
  });

  it('skips unknown tagged fields in a flexible tag buffer', () => {
    const w = new Writer()
      .unsignedVarint(2)
      .unsignedVarint(0)
      .unsignedVarint(3)
      .raw(Buffer.from([9, 9, 9]))
      .unsignedVarint(5)
      .unsignedVarint(0)
      .int8(7);
    const r = new Reader(w.finish());
    r.skipTagBuffer();
    expect(r.int8()).toBe(7);
  });
});

describe('writer with referenced blocks', () => {
  it('produces the same bytes whether a large block is copied or referenced', () => {
    const block = Buffer.alloc(5000, 7);
    const copied = new Writer().int16(1).bytes(block).int32(9).finish();
    const referenced = new Writer().int16(1).bytesRef(block).int32(9);
    expect(referenced.length).toBe(copied.length);
    expect(Buffer.concat(referenced.finishParts())).toEqual(copied);
    expect(referenced.finish()).toEqual(copied);
  });
});
