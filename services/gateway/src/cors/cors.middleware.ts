import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type NextFunction, type Request, type RequestHandler, type Response } from 'express';

const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';
const ALLOWED_HEADERS = 'Authorization, Content-Type, Idempotency-Key, X-Correlation-Id, Traceparent';
const EXPOSED_HEADERS = 'X-Correlation-Id, Traceparent, Retry-After, RateLimit, RateLimit-Policy, Location';

/**
 * CORS headers of a simple (non-preflight) request: `Vary: Origin`, and the allow/expose headers
 * when the origin is configured. Returns whether it is. Shared by the read lane and Express.
 */
export function applySimpleCors(
  req: IncomingMessage,
  res: ServerResponse,
  allowed: ReadonlySet<string>,
): boolean {
  const origin = req.headers.origin;
  const vary = res.getHeader('vary');
  if (vary === undefined) res.setHeader('Vary', 'Origin');
  else if (!/(^|,)\s*origin\s*(,|$)/i.test(String(vary))) res.setHeader('Vary', `${String(vary)}, Origin`);
  const permitted = origin !== undefined && allowed.has(origin);
  if (permitted) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
  }
  return permitted;
}

/**
 * CORS for the configured browser origins only (`CORS_ORIGINS`). Any other origin gets no
 * `Access-Control-Allow-*` headers, so browsers refuse the response; a preflight from it is
 * answered 403. Credentials (cookies) are never allowed: the API uses bearer tokens.
 */
export function corsMiddleware(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req: Request, res: Response, next: NextFunction) => {
    const permitted = applySimpleCors(req, res, allowed);
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    if (!preflight) {
      next();
      return;
    }
    if (!permitted) {
      res.status(403).end();
      return;
    }
    res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
    res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    res.setHeader('Access-Control-Max-Age', '600');
    res.status(204).end();
  };
}
