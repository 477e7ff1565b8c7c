import type { ClaimResult, IdempotencyScope, IdempotencyStore, StoredResponse } from './idempotency-store';

interface Entry {
  requestHash: string;
  response: StoredResponse | null;
  expiresAt: number;
}

/** A process-local store for tests and single-instance tools; services use the Postgres one. */
export class InMemoryIdempotencyStore implements IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  claim(scope: IdempotencyScope, requestHash: string, ttlSeconds: number): Promise<ClaimResult> {
    const id = idOf(scope);
    const entry = this.entries.get(id);
    if (entry && entry.expiresAt > this.now()) {
      return Promise.resolve({ kind: 'existing', requestHash: entry.requestHash, response: entry.response });
    }
    this.entries.set(id, { requestHash, response: null, expiresAt: this.now() + ttlSeconds * 1000 });
    return Promise.resolve({ kind: 'claimed' });
  }

  complete(scope: IdempotencyScope, response: StoredResponse): Promise<void> {
    const entry = this.entries.get(idOf(scope));
    if (entry) entry.response = response;
    return Promise.resolve();
  }

  release(scope: IdempotencyScope): Promise<void> {
    const id = idOf(scope);
    if (this.entries.get(id)?.response === null) this.entries.delete(id);
    return Promise.resolve();
  }
}

function idOf(scope: IdempotencyScope): string {
  return JSON.stringify([scope.key, scope.actorId, scope.route]);
}
