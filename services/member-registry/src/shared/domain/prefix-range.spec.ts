import { prefixUpperBound } from './prefix-range';

describe('prefixUpperBound', () => {
  const startsWithByRange = (text: string, prefix: string): boolean =>
    Buffer.compare(Buffer.from(text), Buffer.from(prefix)) >= 0 &&
    Buffer.compare(Buffer.from(text), Buffer.from(prefixUpperBound(prefix))) < 0;

  it('bounds org paths and Chinese names exactly, in UTF-8 byte order', () => {
    expect(prefixUpperBound('/lx/taoyuan/')).toBe('/lx/taoyuan0');
    expect(prefixUpperBound('党员12')).toBe('党员13');
    for (const [text, prefix, expected] of [
      ['/lx/taoyuan/dahe/', '/lx/taoyuan/', true],
      ['/lx/taoyuan/', '/lx/taoyuan/', true],
      ['/lx/taoyuan0', '/lx/taoyuan/', false],
      ['/lx/taoyuanx/', '/lx/taoyuan/', false],
      ['党员123', '党员12', true],
      ['党员2', '党员12', false],
      ['党', '党员', false],
      ['张𠀋三', '张𠀋', true],
      ['张𠀌', '张𠀋', false],
    ] as const)
      expect([text, prefix, startsWithByRange(text, prefix)]).toEqual([text, prefix, expected]);
  });
});
