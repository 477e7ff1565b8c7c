/** Identifies one idempotent operation: the same key from another actor or route is unrelated. */
export interface IdempotencyScope {
  readonly key: string;
  readonly actorId: string;
  /** `METHOD /route/template`, e.g. `POST /api/v1/members`. */
  readonly route: string;
}

export interface StoredResponse {
  readonly statusCode: number;
  readonly body: unknown;
}

export type ClaimResult =
  /** First time this key is seen (or the old record expired): run the request. */
  | { readonly kind: 'claimed' }
  /** Seen before: `response` is null while the first request is still running. */
  | { readonly kind: 'existing'; readonly requestHash: string; readonly response: StoredResponse | null };

/**
 * Where idempotency records live. Services implement it on their own database (see
 * `PostgresIdempotencyStore`); tests can use `InMemoryIdempotencyStore`.
 */
export interface IdempotencyStore {
  /** Atomically records the key as in progress unless a live record exists. */
  claim(scope: IdempotencyScope, requestHash: string, ttlSeconds: number): Promise<ClaimResult>;
  /** Stores the response of a claimed request for replay. */
  complete(scope: IdempotencyScope, response: StoredResponse): Promise<void>;
  /** Forgets a claim whose request failed, so the client can retry with the same key. */
  release(scope: IdempotencyScope): Promise<void>;
}

export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
