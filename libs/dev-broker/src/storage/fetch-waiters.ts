/**
 * Parked Fetch requests (long poll, spec §2.6 rule 8). A waiter is woken when enough bytes were
 * appended to any partition it asked for, when one of them is deleted, when its max wait elapses,
 * or when its connection closes — all event-driven, no polling loop.
 */
interface Waiter {
  readonly keys: readonly string[];
  remainingBytes: number;
  readonly wake: () => void;
}

export function partitionKey(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}

export class FetchWaiters {
  private readonly byKey = new Map<string, Set<Waiter>>();
  private readonly all = new Set<Waiter>();

  /** Resolves when woken for any reason; the caller then recomputes its response. */
  wait(keys: readonly string[], neededBytes: number, maxWaitMs: number, signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      const waiter: Waiter = {
        keys,
        remainingBytes: neededBytes,
        wake: () => {
          if (!this.all.delete(waiter)) return;
          clearTimeout(timer);
          signal.removeEventListener('abort', waiter.wake);
          for (const key of keys) {
            const set = this.byKey.get(key);
            set?.delete(waiter);
            if (set?.size === 0) this.byKey.delete(key);
          }
          resolve();
        },
      };
      if (signal.aborted) {
        resolve();
        return;
      }
      this.all.add(waiter);
      for (const key of keys) {
        let set = this.byKey.get(key);
        if (set === undefined) {
          set = new Set();
          this.byKey.set(key, set);
        }
        set.add(waiter);
      }
      // Declared after `waiter`: wake() only runs once the timer exists (abort was checked above).
      const timer = setTimeout(waiter.wake, maxWaitMs);
      signal.addEventListener('abort', waiter.wake);
    });
  }

  appended(key: string, bytes: number): void {
    const set = this.byKey.get(key);
    if (set === undefined) return;
    for (const waiter of [...set]) {
      waiter.remainingBytes -= bytes;
      if (waiter.remainingBytes <= 0) waiter.wake();
    }
  }

  /** Topic deleted (or partition gone): waiters answer now with the error. */
  wakeAll(key: string): void {
    const set = this.byKey.get(key);
    if (set !== undefined) for (const waiter of [...set]) waiter.wake();
  }

  close(): void {
    for (const waiter of [...this.all]) waiter.wake();
  }
}
