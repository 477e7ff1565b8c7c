import { type IncomingHttpHeaders } from 'node:http';
import { type Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import CircuitBreaker from 'opossum';
import { Pool } from 'undici';
import { type UpstreamShort } from '../../config/gateway-config';
import { UpstreamFailure } from '../domain/upstream-failure';
import { AbortSource } from './abort-source';

export interface UpstreamRequest {
  readonly method: string;
  /** Path and query string, exactly as the caller sent them. */
  readonly path: string;
  readonly headers: Record<string, string | string[]>;
  readonly body: Buffer | Readable | undefined;
  /** Budget for the whole call (all attempts) up to the upstream's response headers. */
  readonly timeoutMs: number;
  /** Only idempotent methods with a replayable body are retried. */
  readonly retryable: boolean;
  /** Aborted when the caller went away: the upstream call is cancelled and not retried. */
  readonly signal?: AbortSource;
}

export interface UpstreamResponse {
  readonly statusCode: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Readable & { dump?: () => Promise<void> };
}

export interface UpstreamClientOptions {
  readonly connections: number;
  readonly maxRetries: number;
  readonly retryBackoffMs: number;
  readonly breaker: {
    readonly errorThresholdPercentage: number;
    readonly volumeThreshold: number;
    readonly resetTimeoutMs: number;
    readonly rollingCountTimeoutMs: number;
  };
}

export const DEFAULT_UPSTREAM_CLIENT_OPTIONS: UpstreamClientOptions = {
  connections: 64,
  maxRetries: 2,
  retryBackoffMs: 25,
  breaker: {
    errorThresholdPercentage: 50,
    volumeThreshold: 10,
    resetTimeoutMs: 10_000,
    rollingCountTimeoutMs: 10_000,
  },
};

/** Statuses that say the upstream itself is unwell (as opposed to the request being wrong). */
const UNHEALTHY_STATUSES = new Set([502, 503, 504]);

/** Connection-level errors where the request never reached the application: safe to retry. */
const RETRYABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_CLOSED',
]);

class HeadersDeadlineExceeded extends Error {
  readonly code = 'GATEWAY_HEADERS_DEADLINE';
}

class CallerWentAway extends Error {
  readonly code = 'GATEWAY_CALLER_ABORTED';
}

/** Carries an unhealthy response through the breaker so it counts as a failure yet can still be forwarded. */
class UnhealthyResponse extends Error {
  constructor(readonly response: UpstreamResponse) {
    super(`upstream answered ${response.statusCode}`);
  }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  const cause = (error as { cause?: unknown }).cause;
  return cause === undefined ? undefined : errorCode(cause);
}

/**
 * One upstream service: a keep-alive connection pool, a circuit breaker, timeouts and
 * retries. The breaker counts connection errors, timeouts and 502/503/504 answers; while it is
 * open the gateway answers 503 at once instead of queueing callers behind a dead service.
 */
export class UpstreamClient {
  private readonly pool: Pool;
  private readonly breaker: CircuitBreaker<[UpstreamRequest, number], UpstreamResponse>;

  constructor(
    readonly short: UpstreamShort,
    readonly origin: string,
    private readonly options: UpstreamClientOptions = DEFAULT_UPSTREAM_CLIENT_OPTIONS,
  ) {
    this.pool = new Pool(origin, {
      connections: options.connections,
      keepAliveTimeout: 30_000,
      pipelining: 1,
    });
    this.breaker = new CircuitBreaker(
      (request: UpstreamRequest, timeoutMs: number) => this.attempt(request, timeoutMs),
      {
        name: `upstream-${short}`,
        timeout: false,
        errorThresholdPercentage: options.breaker.errorThresholdPercentage,
        volumeThreshold: options.breaker.volumeThreshold,
        resetTimeout: options.breaker.resetTimeoutMs,
        rollingCountTimeout: options.breaker.rollingCountTimeoutMs,
        // A caller that hung up is not the upstream's fault.
        errorFilter: (error: unknown) => error instanceof CallerWentAway,
        // opossum keeps every call's latency of the rolling window and, once per bucket (1 s),
        // concatenates and sorts them for a 'snapshot' event nobody here listens to: at 200
        // calls/s a 1.5 ms stall of the event loop every second, at 2,000/s 15 ms (and the same
        // sort on every failure). The breaker decides on counts, which stay.
        rollingPercentilesEnabled: false,
        enableSnapshots: false,
      },
    );
  }

  get circuitState(): 'closed' | 'open' | 'half-open' {
    if (this.breaker.opened) return 'open';
    if (this.breaker.halfOpen) return 'half-open';
    return 'closed';
  }

  async send(request: UpstreamRequest): Promise<UpstreamResponse> {
    const deadline = Date.now() + request.timeoutMs;
    const maxAttempts = request.retryable ? this.options.maxRetries + 1 : 1;
    for (let attempt = 1; ; attempt += 1) {
      const remaining = deadline - Date.now();
      if (remaining <= 0)
        throw new UpstreamFailure(
          this.short,
          'timeout',
          `${this.short} did not answer within ${request.timeoutMs} ms`,
        );
      try {
        return await this.breaker.fire(request, remaining);
      } catch (error) {
        const last = attempt >= maxAttempts;
        if (error instanceof UnhealthyResponse) {
          // Forward the upstream's own problem document when we are out of attempts.
          if (last) return error.response;
          await error.response.body.dump?.();
        } else {
          const failure = this.toFailure(error, request.timeoutMs);
          const code = errorCode(error);
          if (last || failure.kind !== 'unreachable' || code === undefined || !RETRYABLE_CODES.has(code))
            throw failure;
        }
        if (request.signal?.aborted)
          throw new UpstreamFailure(this.short, 'unreachable', 'the caller went away');
        await sleep(this.options.retryBackoffMs * 2 ** (attempt - 1));
      }
    }
  }

  async close(): Promise<void> {
    this.breaker.shutdown();
    await this.pool.close();
  }

  private async attempt(request: UpstreamRequest, timeoutMs: number): Promise<UpstreamResponse> {
    // Our own timer rather than undici's coarse headersTimeout: it must fire at the route's
    // budget and stop once headers arrive (the body then streams for as long as it needs).
    const controller = new AbortSource();
    const timer = setTimeout(() => controller.abort(new HeadersDeadlineExceeded()), timeoutMs);
    const onCallerAbort = (): void => controller.abort(request.signal?.reason);
    request.signal?.once('abort', onCallerAbort);
    try {
      const response = await this.pool.request({
        method: request.method as 'GET',
        path: request.path,
        headers: request.headers,
        body: request.body,
        headersTimeout: timeoutMs + 1_000,
        // A body that stalls this long after the headers means a broken upstream.
        bodyTimeout: Math.max(timeoutMs, 30_000),
        signal: controller,
      });
      const result: UpstreamResponse = {
        statusCode: response.statusCode,
        headers: response.headers,
        body: response.body,
      };
      if (UNHEALTHY_STATUSES.has(response.statusCode)) throw new UnhealthyResponse(result);
      return result;
    } catch (error) {
      if (controller.reason instanceof HeadersDeadlineExceeded) throw controller.reason;
      if (request.signal?.aborted) throw new CallerWentAway();
      throw error;
    } finally {
      clearTimeout(timer);
      request.signal?.removeListener('abort', onCallerAbort);
    }
  }

  private toFailure(error: unknown, timeoutMs: number): UpstreamFailure {
    if (error instanceof UpstreamFailure) return error;
    if (error instanceof Error && CircuitBreaker.isOurError(error)) {
      return new UpstreamFailure(
        this.short,
        'circuit-open',
        `${this.short} is failing; the gateway stopped calling it for a while`,
        Math.ceil(this.options.breaker.resetTimeoutMs / 1000),
      );
    }
    const code = errorCode(error);
    if (
      code === 'GATEWAY_HEADERS_DEADLINE' ||
      code === 'UND_ERR_HEADERS_TIMEOUT' ||
      code === 'UND_ERR_BODY_TIMEOUT'
    ) {
      return new UpstreamFailure(
        this.short,
        'timeout',
        `${this.short} did not answer within ${timeoutMs} ms`,
      );
    }
    if (
      code?.startsWith('HPE_') ||
      code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH' ||
      code === 'UND_ERR_HEADERS_OVERFLOW'
    ) {
      return new UpstreamFailure(this.short, 'bad-response', `${this.short} sent a malformed response`);
    }
    return new UpstreamFailure(
      this.short,
      'unreachable',
      `${this.short} could not be reached (${code ?? 'connection error'})`,
    );
  }
}
