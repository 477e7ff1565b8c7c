import { AbortSource } from './abort-source';

describe('AbortSource', () => {
  it('aborts once, keeps the first reason and tells each listener once', () => {
    const source = new AbortSource();
    const heard: unknown[] = [];
    source.on('abort', (reason: unknown) => heard.push(reason));
    expect(source.aborted).toBe(false);
    source.abort('first');
    source.abort('second');
    expect(source.aborted).toBe(true);
    expect(source.reason).toBe('first');
    expect(heard).toEqual(['first']);
  });
});
