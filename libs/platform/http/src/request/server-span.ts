import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
} from '@opentelemetry/api';

const tracer = trace.getTracer('@lianxin/platform-http');

/**
 * The OpenTelemetry context the request runs in. Normally the http instrumentation has already
 * opened a server span from the incoming `traceparent`; when it has not (modules loaded by a
 * loader it cannot patch, e.g. Jest's), open one here so logs, outgoing calls and events still
 * continue the caller's trace; the same when the instrumentation was told to leave the request
 * to us (`ignoreIncomingRequest`, the gateway's fast lane). The parent is only the caller's
 * `traceparent` (extracted onto the root context, so the instrumentation's suppression of an
 * ignored request does not silence this span).
 */
export function serverSpanContext(req: IncomingMessage, res: ServerResponse, routeOf: () => string): Context {
  const active = trace.getActiveSpan();
  if (active?.isRecording()) return context.active();
  const method = req.method ?? 'GET';
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  const span = tracer.startSpan(
    method,
    { kind: SpanKind.SERVER, attributes: { 'http.request.method': method } },
    parent,
  );
  if (span.isRecording()) {
    res.once('finish', () => {
      const route = routeOf();
      span.updateName(`${method} ${route}`);
      span.setAttribute('http.route', route);
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
  }
  return trace.setSpan(parent, span);
}
