import { type NextFunction, type Request, type RequestHandler, type Response } from 'express';

const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';
const ALLOWED_HEADERS = 'Authorization, Content-Type, Idempotency-Key, X-Correlation-Id, Traceparent';
const EXPOSED_HEADERS = 'X-Correlation-Id, Traceparent, Retry-After, RateLimit, RateLimit-Policy, Location';

/**
 * CORS for the configured browser origins only (`CORS_ORIGINS`). Any other origin gets no
 * `Access-Control-Allow-*` headers, so browsers refuse the response; a preflight from it is
 * answered 403. Credentials (cookies) are never allowed: the API uses bearer tokens.
 */
export function corsMiddleware(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    res.vary('Origin');
    const permitted = origin !== undefined && allowed.has(origin);
    if (permitted) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    }
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
