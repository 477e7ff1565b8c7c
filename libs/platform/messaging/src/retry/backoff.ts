export interface BackoffPolicy {
  /** Delay before the first retry. */
  initialMs: number;
  /** Upper bound on any delay. */
  maxMs: number;
  /** Growth per attempt. Default 2. */
  factor?: number;
  /**
   * Fraction of the delay randomised away (0..1). Default 0.2: replicas that failed together
   * (broker outage) should not all retry in the same millisecond.
   */
  jitter?: number;
}

/** Delay before retry number `attempt` (1 = first retry): initial·factor^(attempt−1), capped, jittered down. */
export function backoffDelay(
  policy: BackoffPolicy,
  attempt: number,
  random: () => number = Math.random,
): number {
  const factor = policy.factor ?? 2;
  const jitter = Math.min(Math.max(policy.jitter ?? 0.2, 0), 1);
  const raw = Math.min(policy.maxMs, policy.initialMs * factor ** Math.max(0, attempt - 1));
  return Math.round(raw * (1 - jitter * random()));
}

/** A sleep that ends early when the signal aborts (shutdown must not wait out a long backoff). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
