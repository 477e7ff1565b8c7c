import { createHash } from 'node:crypto';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import { correlationIdOf, TooManyRequestsError, writeProblem } from '@lianxin/platform-http';

/** One counted request: how many the key made in the current window and when that window ends. */
export interface RateLimitHit {
  readonly count: number;
  readonly resetAtMs: number;
}

/**
 * Where counters live. The default is memory, i.e. per replica (N replicas allow N× the limit);
 * production with several replicas passes a shared store (Redis `INCR` + `PEXPIRE`).
 */
export interface RateLimitStore {
  increment(key: string, windowMs: number, nowMs: number): RateLimitHit | Promise<RateLimitHit>;
}

export interface RateLimitSettings {
  readonly windowMs: number;
  readonly perToken: number;
  readonly publicPerIp: number;
  readonly tokenIssuePerIp: number;
  readonly store?: () => RateLimitStore;
  readonly now?: () => number;
}

interface Window {
  count: number;
  resetAtMs: number;
}

/** Fixed windows in a Map; a sweep every window drops the expired ones. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, Window>();
  private lastSweepMs = 0;

  increment(key: string, windowMs: number, nowMs: number): RateLimitHit {
    if (nowMs - this.lastSweepMs >= windowMs) this.sweep(nowMs);
    const current = this.windows.get(key);
    if (current && current.resetAtMs > nowMs) {
      current.count += 1;
      return current;
    }
    const fresh = { count: 1, resetAtMs: nowMs + windowMs };
    this.windows.set(key, fresh);
    return fresh;
  }

  private sweep(nowMs: number): void {
    this.lastSweepMs = nowMs;
    for (const [key, window] of this.windows) if (window.resetAtMs <= nowMs) this.windows.delete(key);
  }
}

/** The decision for one request, with the headers (RateLimit draft-8, Retry-After) to send. */
export interface RateLimitDecision {
  readonly allowed: boolean;
  readonly headers: readonly (readonly [string, string])[];
  readonly retryAfterSec: number;
}

/**
 * One limit (`limit` requests per key per window). Used by both request lanes: the read fast lane
 * calls `check` directly, the Nest pipeline through `middleware`, so a token has one budget.
 */
export class RateLimiter {
  private readonly policy: string;
  private readonly now: () => number;

  constructor(
    readonly name: string,
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly store: RateLimitStore,
    now: () => number = Date.now,
  ) {
    this.policy = `"${name}"; q=${limit}; w=${Math.ceil(windowMs / 1000)}`;
    this.now = now;
  }

  check(key: string): RateLimitDecision | Promise<RateLimitDecision> {
    const nowMs = this.now();
    const hit = this.store.increment(`${this.name}:${key}`, this.windowMs, nowMs);
    return hit instanceof Promise ? hit.then((value) => this.decide(value, nowMs)) : this.decide(hit, nowMs);
  }

  /** Express adapter for the Nest pipeline; `keyOf` reads the key from the request. */
  middleware(keyOf: (req: Request) => string): RequestHandler {
    return (req: Request, res: Response, next: NextFunction) => {
      const apply = (decision: RateLimitDecision): void => {
        if (applyDecision(req, res, decision)) next();
      };
      const decision = this.check(keyOf(req));
      if (decision instanceof Promise) decision.then(apply, next);
      else apply(decision);
    };
  }

  private decide(hit: RateLimitHit, nowMs: number): RateLimitDecision {
    const retryAfterSec = Math.max(1, Math.ceil((hit.resetAtMs - nowMs) / 1000));
    const remaining = Math.max(this.limit - hit.count, 0);
    return {
      allowed: hit.count <= this.limit,
      retryAfterSec,
      headers: [
        ['RateLimit-Policy', this.policy],
        ['RateLimit', `"${this.name}"; r=${remaining}; t=${retryAfterSec}`],
      ],
    };
  }
}

/**
 * Sets the decision's headers; a refusal is answered 429 problem+json with Retry-After and the
 * correlation id. Returns whether the request may go on.
 */
export function applyDecision(
  req: IncomingMessage,
  res: ServerResponse,
  decision: RateLimitDecision,
): boolean {
  for (const [name, value] of decision.headers) res.setHeader(name, value);
  if (decision.allowed) return true;
  writeProblem(
    req,
    res,
    new TooManyRequestsError(
      'Rate limit reached; retry after the number of seconds in Retry-After',
      decision.retryAfterSec,
    ),
    correlationIdOf(req),
  );
  return false;
}

/** /64 for IPv6 so one host cannot rotate through its own prefix. */
export function clientIpKey(address: string | undefined): string {
  return ipKeyGenerator(address ?? 'unknown', 64);
}

/**
 * Keyed by a hash of the bearer token itself rather than its claims: unverified claims could
 * name another user and exhaust their budget. Requests without a token share their IP's bucket
 * (they get 401 anyway).
 */
export function tokenKey(authorization: string | undefined, address: string | undefined): string {
  if (!authorization) return `ip:${clientIpKey(address)}`;
  return `token:${createHash('sha256').update(authorization).digest('base64url').slice(0, 32)}`;
}

export interface RateLimiters {
  /** Authenticated `/api/v1/...`: per token. */
  readonly perToken: RateLimiter;
  /** Unauthenticated `/public/...`: per client IP. */
  readonly publicPerIp: RateLimiter;
  /** The development token endpoint: per client IP (password guessing). */
  readonly tokenIssuePerIp: RateLimiter;
}

export function createRateLimiters(settings: RateLimitSettings): RateLimiters {
  const store = settings.store ?? (() => new MemoryRateLimitStore());
  const now = settings.now ?? Date.now;
  return {
    perToken: new RateLimiter('api', settings.perToken, settings.windowMs, store(), now),
    publicPerIp: new RateLimiter('public', settings.publicPerIp, settings.windowMs, store(), now),
    tokenIssuePerIp: new RateLimiter('token', settings.tokenIssuePerIp, settings.windowMs, store(), now),
  };
}

/** Express key readers for the Nest pipeline (`req.ip` honours `trust proxy`). */
export const expressKeys = {
  token: (req: Request): string =>
    tokenKey(req.headers.authorization, req.ip ?? req.socket.remoteAddress ?? undefined),
  ip: (req: Request): string => clientIpKey(req.ip ?? req.socket.remoteAddress ?? undefined),
};
