import { context as otelContext, type Context } from '@opentelemetry/api';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import {
  observeHttpRequest,
  runWithRequestContext,
  type Logger,
  type RequestContext,
} from '@lianxin/platform-telemetry';
import { CORRELATION_HEADER, rememberCorrelationId, resolveCorrelationId } from './correlation-id';
import { pathOf, routeTemplateOf } from './route-template';
import { serverSpanContext } from './server-span';

interface RequestContexts {
  readonly request: RequestContext;
  readonly trace: Context;
}

const contexts = new WeakMap<Request, RequestContexts>();
const probeRoutes = new Set(['/health/live', '/health/ready', '/metrics']);

/**
 * First middleware: assigns the correlation id (echoed in the response), creates the request
 * context and, when the response finishes, records the duration metric and one log line.
 */
export function correlationMiddleware(logger: Logger): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const correlationId = resolveCorrelationId(req.headers[CORRELATION_HEADER]);
    const context: RequestContext = { correlationId };
    rememberCorrelationId(req, correlationId);
    res.setHeader(CORRELATION_HEADER, correlationId);
    const traceContext = serverSpanContext(req, res, () => routeTemplateOf(req));
    contexts.set(req, { request: context, trace: traceContext });
    res.on('finish', () => {
      const durationSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeTemplateOf(req);
      observeHttpRequest({ method: req.method, route, statusCode: res.statusCode, durationSeconds });
      // Probes and scrapes arrive every few seconds; at info they would drown the real traffic.
      const level = probeRoutes.has(route) ? 'debug' : 'info';
      runInContexts({ request: context, trace: traceContext }, () => {
        logger[level](
          {
            method: req.method,
            route,
            path: pathOf(req),
            statusCode: res.statusCode,
            durationMs: Math.round(durationSeconds * 1000),
            actorId: context.actor?.id,
          },
          'request completed',
        );
      });
    });
    otelContext.with(traceContext, next);
  };
}

/**
 * Runs the rest of the request inside the request context and the trace context. It is installed
 * after the body parser because the parser's stream callbacks do not keep async context.
 */
export function requestContextMiddleware(): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    const saved = contexts.get(req);
    if (saved) runInContexts(saved, next);
    else next();
  };
}

function runInContexts(saved: RequestContexts, work: () => void): void {
  otelContext.with(saved.trace, () => runWithRequestContext(saved.request, work));
}
