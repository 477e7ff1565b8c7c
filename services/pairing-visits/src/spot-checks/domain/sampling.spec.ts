import fc from 'fast-check';
import { drawSample, sampleSize } from './sampling';

describe('spot-check sampling', () => {
  it('draws ceil(share × n) visits, at least one', () => {
    expect(sampleSize(100, 0.05)).toBe(5);
    expect(sampleSize(3, 0.05)).toBe(1);
    expect(sampleSize(0, 0.5)).toBe(0);
    expect(sampleSize(10, 0)).toBe(0);
  });

  it('reproduces the same draw from the same seed in any order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.uuid(), { maxLength: 60 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.string({ minLength: 8 }),
        (ids, share, seed) => {
          const first = drawSample(ids, share, seed);
          const again = drawSample([...ids].reverse(), share, seed);
          expect(again).toEqual(first);
          expect(first).toHaveLength(sampleSize(ids.length, share));
          for (const id of first) expect(ids).toContain(id);
        },
      ),
    );
  });

  it('draws differently with another seed', () => {
    const ids = Array.from({ length: 200 }, (_, index) => `visit-${index}`);
    expect(drawSample(ids, 0.1, 'seed-a')).not.toEqual(drawSample(ids, 0.1, 'seed-b'));
  });
});
