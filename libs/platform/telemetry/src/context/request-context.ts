import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who is calling, as far as logs and infrastructure need to know. `@lianxin/auth` stores its full
 * `Actor` here; this library only relies on the id and roles so it stays free of auth concerns.
 */
export interface RequestActor {
  readonly id: string;
  readonly roles: readonly string[];
}

/** Per-request state carried across awaits (correlation id for logs/events, the verified actor). */
export interface RequestContext {
  readonly correlationId: string;
  actor?: RequestActor;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `work` with `context` as the current request context (HTTP middleware, consumers, jobs). */
export function runWithRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

/** The current request context, or `undefined` outside a request (startup, relays). */
export function getRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** The current correlation id, if any. */
export function getCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

/**
 * Records the verified actor on the current context. The auth guard calls it after verifying the
 * token, so logs, audit rows and idempotency records can name the caller without re-verifying.
 */
export function setRequestActor(actor: RequestActor): void {
  const context = storage.getStore();
  if (context) context.actor = actor;
}
