import { createHash } from 'node:crypto';
import { type Request, type RequestHandler, type Response } from 'express';
import { ipKeyGenerator, rateLimit, type Store } from 'express-rate-limit';
import {
  correlationIdOf,
  toProblem,
  TooManyRequestsError,
  PROBLEM_CONTENT_TYPE,
} from '@lianxin/platform-http';

export interface RateLimitSettings {
  readonly windowMs: number;
  readonly perToken: number;
  readonly publicPerIp: number;
  readonly tokenIssuePerIp: number;
  /**
   * Where counters live. Default: memory, i.e. per replica (N replicas allow N× the limit).
   * Production with several replicas passes a shared store (e.g. `rate-limit-redis`).
   */
  readonly store?: () => Store;
}

function clientIp(req: Request): string {
  // /64 for IPv6 so one host cannot rotate through its own prefix.
  return ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown', 64);
}

/**
 * Keyed by a hash of the bearer token itself rather than its claims: unverified claims could
 * name another user and exhaust their budget. Requests without a token share their IP's bucket
 * (they get 401 anyway).
 */
function tokenKey(req: Request): string {
  const header = req.headers.authorization;
  if (!header) return `ip:${clientIp(req)}`;
  return `token:${createHash('sha256').update(header).digest('base64url').slice(0, 32)}`;
}

function tooMany(req: Request, res: Response): void {
  const retryAfter = res.getHeader('retry-after');
  const { problem } = toProblem(
    new TooManyRequestsError(
      'Rate limit reached; retry after the number of seconds in Retry-After',
      Number(retryAfter) || undefined,
    ),
    { instance: req.originalUrl.split('?')[0] ?? '/', correlationId: correlationIdOf(req) },
  );
  res.status(429).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

function limiter(
  settings: RateLimitSettings,
  limit: number,
  prefix: string,
  keyGenerator: (req: Request) => string,
): RequestHandler {
  return rateLimit({
    windowMs: settings.windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    identifier: prefix,
    keyGenerator: (req) => `${prefix}:${keyGenerator(req)}`,
    handler: tooMany,
    ...(settings.store ? { store: settings.store() } : {}),
  });
}

export interface RateLimiters {
  /** Authenticated `/api/v1/...`: per token. */
  readonly perToken: RequestHandler;
  /** Unauthenticated `/public/...`: per client IP. */
  readonly publicPerIp: RequestHandler;
  /** The development token endpoint: per client IP (password guessing). */
  readonly tokenIssuePerIp: RequestHandler;
}

export function createRateLimiters(settings: RateLimitSettings): RateLimiters {
  return {
    perToken: limiter(settings, settings.perToken, 'api', tokenKey),
    publicPerIp: limiter(settings, settings.publicPerIp, 'public', clientIp),
    tokenIssuePerIp: limiter(settings, settings.tokenIssuePerIp, 'token', clientIp),
  };
}
