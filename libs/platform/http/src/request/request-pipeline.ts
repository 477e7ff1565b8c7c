import type { IncomingMessage, ServerResponse } from 'node:http';
import { context as otelContext, trace, type Context } from '@opentelemetry/api';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import {
  fixedShapeLogger,
  observeHttpRequest,
  runWithRequestContext,
  type Logger,
  type RequestContext,
} from '@lianxin/platform-telemetry';
import { CORRELATION_HEADER, rememberCorrelationId, resolveCorrelationId } from './correlation-id';
import { pathOf, routeTemplateOf } from './route-template';
import { serverSpanContext } from './server-span';

/** What `beginRequest` settled for one request. */
export interface RequestStart {
  readonly correlationId: string;
  /** The request context; set `actor` once the caller is known, the log line names it. */
  readonly context: RequestContext;
  /** The OpenTelemetry context holding the request's SERVER span. */
  readonly trace: Context;
}

// Kept on the request object itself, not in a WeakMap keyed by it: V8's young-generation GC keeps
// the value of a WeakMap entry whose key is still in the young generation, so every request's
// entry (and all it references) was copied and then promoted by each scavenge long after the
// request had ended. Measured in the gateway at 200 requests/s: without such entries a scavenge
// copies ~0.1 MB instead of ~0.6 MB and pauses about half as long (gateway ADR 0010, session 5).
const kRequestStart = Symbol('lianxin.requestStart');
type WithRequestStart = IncomingMessage & { [kRequestStart]?: RequestStart };
const probeRoutes = new Set(['/health/live', '/health/ready', '/metrics']);

/**
 * The platform's per-request bookkeeping, usable with or without Express: assigns the correlation
 * id (echoed in the response), finds or opens the SERVER span and, when the response finishes,
 * records the duration metric and writes one log line. `routeOf` names the route for both.
 */
export function beginRequest(
  req: IncomingMessage,
  res: ServerResponse,
  logger: Logger,
  routeOf: () => string,
): RequestStart {
  const started = process.hrtime.bigint();
  const correlationId = resolveCorrelationId(req.headers[CORRELATION_HEADER]);
  const context: RequestContext = { correlationId };
  rememberCorrelationId(req, correlationId);
  res.setHeader(CORRELATION_HEADER, correlationId);
  const traceContext = serverSpanContext(req, res, routeOf);
  const start: RequestStart = { correlationId, context, trace: traceContext };
  // The line below has a fixed shape of non-sensitive fields: no redaction pass needed.
  const lineLogger = fixedShapeLogger(logger);
  (req as WithRequestStart)[kRequestStart] = start;
  res.once('finish', () => {
    const durationSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const route = routeOf();
    const method = req.method ?? 'GET';
    observeHttpRequest({ method, route, statusCode: res.statusCode, durationSeconds });
    // Probes and scrapes arrive every few seconds; at info they would drown the real traffic.
    const level = probeRoutes.has(route) ? 'debug' : 'info';
    if (!lineLogger.isLevelEnabled(level)) return;
    // The ids are passed rather than found by the logger's mixin in async context: 'finish' may
    // fire outside the request's context, and entering it just to log costs more than this.
    const spanContext = trace.getSpan(traceContext)?.spanContext();
    lineLogger[level](
      {
        method,
        route,
        path: pathOf(req),
        statusCode: res.statusCode,
        durationMs: Math.round(durationSeconds * 1000),
        actorId: context.actor?.id,
        correlation_id: correlationId,
        ...(spanContext && spanContext.traceId !== INVALID_TRACE_ID
          ? { trace_id: spanContext.traceId, span_id: spanContext.spanId }
          : {}),
      },
      'request completed',
    );
  });
  return start;
}

const INVALID_TRACE_ID = '00000000000000000000000000000000';

/**
 * First middleware: `beginRequest`, then the rest of the chain inside the request's trace context.
 */
export function correlationMiddleware(logger: Logger): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const start = beginRequest(req, res, logger, () => routeTemplateOf(req));
    otelContext.with(start.trace, next);
  };
}

/**
 * Runs the rest of the request inside the request context and the trace context. It is installed
 * after the body parser because the parser's stream callbacks do not keep async context.
 */
export function requestContextMiddleware(): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    const saved = (req as WithRequestStart)[kRequestStart];
    if (saved) runInContexts(saved, next);
    else next();
  };
}

/**
 * Runs `work` in a request's trace context and request context (correlation id, actor), for a
 * handler ahead of Express that has left them (a body read's stream callbacks do not keep them).
 */
export function runInContexts<T>(saved: RequestStart, work: () => T): T {
  return otelContext.with(saved.trace, () => runWithRequestContext(saved.context, work));
}
