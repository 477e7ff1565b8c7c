import { context, propagation } from '@opentelemetry/api';

/**
 * W3C `traceparent` (and `tracestate`) for the active span, to put on an outgoing request so the
 * callee continues this trace. Needed wherever no instrumentation injects them (undici/fetch,
 * anything under Jest); empty when there is no active span.
 */
export function traceHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  propagation.inject(context.active(), headers);
  return headers;
}
