import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, propagation, SpanKind, SpanStatusCode, trace, type Context } from '@opentelemetry/api';

const tracer = trace.getTracer('@lianxin/platform-http');

/**
 * The OpenTelemetry context the request runs in. Normally the http instrumentation has already
 * opened a server span from the incoming `traceparent`; when it has not (modules loaded by a
 * loader it cannot patch, e.g. Jest's), open one here so logs, outgoing calls and events still
 * continue the caller's trace. Either way the span gets `http.route` when the response finishes.
 */
export function serverSpanContext(req: IncomingMessage, res: ServerResponse, routeOf: () => string): Context {
  const active = trace.getActiveSpan();
  if (active?.isRecording()) return context.active();
  const method = req.method ?? 'GET';
  const parent = propagation.extract(context.active(), req.headers);
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
