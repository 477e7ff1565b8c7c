import { FetchWaiters, partitionKey } from './fetch-waiters';

describe('fetch waiters (long poll)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const settled = (p: Promise<void>) => {
    let done = false;
    void p.then(() => (done = true));
    return () => done;
  };

  it('wakes once appends to a requested partition reach min bytes, not before', async () => {
    const waiters = new FetchWaiters();
    const done = settled(
      waiters.wait([partitionKey('t', 0), partitionKey('t', 1)], 100, 5000, new AbortController().signal),
    );
    waiters.appended(partitionKey('t', 1), 60);
    waiters.appended(partitionKey('other', 0), 500);
    await jest.advanceTimersByTimeAsync(0);
    expect(done()).toBe(false);
    waiters.appended(partitionKey('t', 0), 40);
    await jest.advanceTimersByTimeAsync(0);
    expect(done()).toBe(true);
  });

  it('wakes at max wait when nothing arrives, with a single timer rather than polling', async () => {
    const waiters = new FetchWaiters();
    const done = settled(waiters.wait([partitionKey('t', 0)], 1, 500, new AbortController().signal));
    expect(jest.getTimerCount()).toBe(1);
    await jest.advanceTimersByTimeAsync(499);
    expect(done()).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(done()).toBe(true);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('wakes when the connection closes or the topic is deleted, and on close()', async () => {
    const waiters = new FetchWaiters();
    const abort = new AbortController();
    const byAbort = settled(waiters.wait([partitionKey('t', 0)], 1, 10_000, abort.signal));
    const byDelete = settled(waiters.wait([partitionKey('t', 1)], 1, 10_000, new AbortController().signal));
    const byClose = settled(waiters.wait([partitionKey('u', 0)], 1, 10_000, new AbortController().signal));
    abort.abort();
    waiters.wakeAll(partitionKey('t', 1));
    waiters.close();
    await jest.advanceTimersByTimeAsync(0);
    expect([byAbort(), byDelete(), byClose()]).toEqual([true, true, true]);
    expect(jest.getTimerCount()).toBe(0);
  });
});
