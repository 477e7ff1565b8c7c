import type { NextFunction, Request, RequestHandler, Response } from 'express';
import {
  observeHttpRequest,
  runWithRequestContext,
  type Logger,
  type RequestContext,
} from '@lianxin/platform-telemetry';
import { CORRELATION_HEADER, rememberCorrelationId, resolveCorrelationId } from './correlation-id';
import { pathOf, routeTemplateOf } from './route-template';

const contexts = new WeakMap<Request, RequestContext>();

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
    contexts.set(req, context);
    res.setHeader(CORRELATION_HEADER, correlationId);
    res.on('finish', () => {
      const durationSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeTemplateOf(req);
      observeHttpRequest({ method: req.method, route, statusCode: res.statusCode, durationSeconds });
      runWithRequestContext(context, () => {
        logger.info(
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
    next();
  };
}

/**
 * Runs the rest of the request inside the AsyncLocalStorage context. It is installed after the
 * body parser because stream callbacks of the parser do not keep the async context.
 */
export function requestContextMiddleware(): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    const context = contexts.get(req);
    if (!context) {
      next();
      return;
    }
    runWithRequestContext(context, () => next());
  };
}
