import { context, propagation, SpanKind, SpanStatusCode, trace, type Context } from '@opentelemetry/api';
import type { Request, Response } from 'express';

const tracer = trace.getTracer('@lianxin/platform-http');

/**
 * The OpenTelemetry context the request runs in. Normally the http instrumentation has already
 * opened a server span from the incoming `traceparent`; when it has not (modules loaded by a
 * loader it cannot patch, e.g. Jest's), open one here so logs, outgoing calls and events still
 * continue the caller's trace.
 */
export function serverSpanContext(req: Request, res: Response, routeOf: () => string): Context {
  const active = trace.getActiveSpan();
  if (active?.isRecording()) return context.active();
  const parent = propagation.extract(context.active(), req.headers);
  const span = tracer.startSpan(
    req.method,
    { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method } },
    parent,
  );
  res.on('finish', () => {
    const route = routeOf();
    span.updateName(`${req.method} ${route}`);
    span.setAttribute('http.route', route);
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  return trace.setSpan(parent, span);
}
