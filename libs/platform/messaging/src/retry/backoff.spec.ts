import { backoffDelay, sleep } from './backoff';

describe('backoffDelay', () => {
  const policy = { initialMs: 100, maxMs: 1000, jitter: 0 };

  it('doubles from the initial delay and stops at the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(policy, attempt))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
  });

  it('jitters downwards only, within the jitter fraction', () => {
    expect(backoffDelay({ ...policy, jitter: 0.5 }, 3, () => 1)).toBe(200);
    expect(backoffDelay({ ...policy, jitter: 0.5 }, 3, () => 0)).toBe(400);
  });

  it('honours a custom growth factor', () => {
    expect(backoffDelay({ ...policy, factor: 3 }, 3)).toBe(900);
  });
});

describe('sleep', () => {
  it('ends early when its signal aborts', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const sleeping = sleep(10_000, controller.signal);
    controller.abort();
    await sleeping;
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
