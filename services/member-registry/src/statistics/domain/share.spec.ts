import { bornAfterForAgeUnder, percent } from './share';

describe('composition shares', () => {
  it('reproduces the percentages of seed 001 §2 from its counts', () => {
    expect(percent(294, 367)).toBe(80.11);
    expect(percent(73, 367)).toBe(19.89);
    expect(percent(199, 367)).toBe(54.22);
    expect(percent(231, 367)).toBe(62.94);
    expect(percent(141, 367)).toBe(38.42);
    expect(percent(1, 0)).toBe(0);
  });

  it('finds the birth-date boundary for "under 45"', () => {
    expect(bornAfterForAgeUnder('2026-06-30', 45)).toBe('1981-06-30');
  });
});
