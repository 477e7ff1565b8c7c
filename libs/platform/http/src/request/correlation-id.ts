import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const CORRELATION_HEADER = 'x-correlation-id';

/**
 * Accept a caller's id only if it is short and plain (UUIDs, ULIDs, trace-like tokens), so a
 * header cannot inject text into logs or events; otherwise a fresh UUID is used.
 */
const wellFormed = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

export function isWellFormedCorrelationId(value: string): boolean {
  return wellFormed.test(value);
}

export function resolveCorrelationId(headerValue: string | string[] | undefined): string {
  const value = Array.isArray(headerValue) ? headerValue[0] : headerValue;
  return value !== undefined && isWellFormedCorrelationId(value) ? value : randomUUID();
}

// A symbol property, so no global type augmentation of Express is needed.
// Not a WeakMap keyed by the request: V8's young-generation GC keeps such an entry's value while
// its key is young, so every request's entry outlived it (see `kRequestStart` in request-pipeline.ts).
const kCorrelationId = Symbol('lianxin.correlationId');
type WithCorrelationId = IncomingMessage & { [kCorrelationId]?: string };

export function rememberCorrelationId(request: IncomingMessage, correlationId: string): void {
  (request as WithCorrelationId)[kCorrelationId] = correlationId;
}

/** The correlation id assigned to this request by `createHttpApp` (generated if it was never seen). */
export function correlationIdOf(request: IncomingMessage): string {
  return (request as WithCorrelationId)[kCorrelationId] ?? randomUUID();
}
