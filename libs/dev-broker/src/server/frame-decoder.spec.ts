import fc from 'fast-check';
import { FrameDecoder, FrameTooLargeError } from './frame-decoder';

function frame(payload: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeInt32BE(payload.length, 0);
  return Buffer.concat([size, payload]);
}

describe('frame decoder', () => {
  it('returns the same frames however the stream is split into chunks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 10 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 20 }),
        (payloads, cuts) => {
          const stream = Buffer.concat(payloads.map((p) => frame(Buffer.from(p))));
          const decoder = new FrameDecoder(1024);
          const out: Buffer[] = [];
          let pos = 0;
          let i = 0;
          while (pos < stream.length) {
            const n = cuts[i++ % cuts.length] as number;
            out.push(...decoder.push(stream.subarray(pos, pos + n)));
            pos += n;
          }
          expect(out.map((b) => [...b])).toEqual(payloads.map((p) => [...p]));
          expect(decoder.pendingBytes).toBe(0);
        },
      ),
    );
  });

  it('never crashes or hangs on arbitrary bytes: frames or FrameTooLargeError only', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 20 }), (chunks) => {
        const decoder = new FrameDecoder(4096);
        try {
          for (const chunk of chunks)
            for (const f of decoder.push(Buffer.from(chunk))) expect(f.length).toBeLessThanOrEqual(4096);
        } catch (err) {
          expect(err).toBeInstanceOf(FrameTooLargeError);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('rejects a size prefix over the maximum and a negative one', () => {
    expect(() => new FrameDecoder(100).push(frame(Buffer.alloc(101)))).toThrow(FrameTooLargeError);
    expect(() => new FrameDecoder(100).push(Buffer.from([0xff, 0xff, 0xff, 0xfe]))).toThrow(
      FrameTooLargeError,
    );
  });
});
