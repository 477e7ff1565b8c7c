import { type IncomingMessage, type ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { trace } from '@opentelemetry/api';
import { bearerToken, rememberActor, type Actor, type TokenVerifier } from '@lianxin/auth';
import { beginRequest, UnauthorizedError, writeProblem } from '@lianxin/platform-http';
import { type Logger, type TraceIds } from '@lianxin/platform-telemetry';
import { applySimpleCors } from '../../cors/cors.middleware';
import { applyDecision, clientIpKey, tokenKey, type RateLimiters } from '../../rate-limit/rate-limiters';
import { type ForwardRequestHandler } from '../application/forward-request.handler';
import { PUBLIC_ROUTE, readLaneRoute } from './read-lane-routes';

export interface ReadLaneOptions {
  readonly forward: ForwardRequestHandler;
  readonly verifier: TokenVerifier;
  readonly rateLimiters: RateLimiters;
  readonly logger: Logger;
  readonly corsOrigins: readonly string[];
  /** Trusted proxy hops in front of the gateway (`TRUST_PROXY`), as Express's `trust proxy`. */
  readonly trustProxy: number;
  readonly securityHeaders: readonly (readonly [string, string])[];
}

const INVALID_TRACE_ID = '00000000000000000000000000000000';

/**
 * The read fast lane (ADR 0007): bodiless GET and HEAD requests for the services behind the
 * gateway (`/api/v1/...` and `/public/...`) are served on the plain Node request, ahead of Express
 * and Nest, by the same collaborators the Nest pipeline uses — correlation id, SERVER span, metric
 * and log line (`beginRequest`), helmet's headers, CORS, the shared rate limiters, the caching
 * token verifier and `ForwardRequestHandler` (matrix, scope, timeouts, retries, breaker). Writes
 * and everything else stay in Nest, which parses and limits bodies and audits them.
 */
export class ReadLane {
  private readonly corsOrigins: ReadonlySet<string>;

  constructor(private readonly options: ReadLaneOptions) {
    this.corsOrigins = new Set(options.corsOrigins);
  }

  /** Takes the request (returns true) when it belongs to the lane; otherwise leaves it to Express. */
  readonly handle = (req: IncomingMessage, res: ServerResponse): boolean => {
    const method = req.method ?? 'GET';
    const url = req.url ?? '';
    const queryStart = url.indexOf('?');
    const path = queryStart === -1 ? url : url.slice(0, queryStart);
    const route = readLaneRoute(method, path, req.headers);
    if (route === undefined) return false;
    void this.serve(req, res, method, url, path, queryStart === -1 ? '' : url.slice(queryStart + 1), route);
    return true;
  };

  private async serve(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    url: string,
    path: string,
    queryString: string,
    route: string,
  ): Promise<void> {
    const { logger, rateLimiters } = this.options;
    const start = beginRequest(req, res, logger, () => route);
    for (const [name, value] of this.options.securityHeaders) res.setHeader(name, value);
    applySimpleCors(req, res, this.corsOrigins);
    const span = trace.getSpan(start.trace);
    if (span?.isRecording()) span.setAttribute('http.route', route);
    try {
      const clientAddress = this.clientAddress(req);
      const isPublic = route === PUBLIC_ROUTE;
      const pending = isPublic
        ? rateLimiters.publicPerIp.check(clientIpKey(clientAddress))
        : rateLimiters.perToken.check(tokenKey(req.headers.authorization, clientAddress));
      const decision = pending instanceof Promise ? await pending : pending;
      if (!applyDecision(req, res, decision)) return;
      let actor: Actor | undefined;
      if (!isPublic) {
        const token = bearerToken(req.headers.authorization);
        if (!token) throw new UnauthorizedError('A bearer token is required');
        actor = await this.options.verifier.verify(token);
        rememberActor(req, actor);
        start.context.actor = actor;
      }
      await this.options.forward.execute(
        {
          raw: req,
          method,
          path,
          url,
          headers: req.headers,
          query: queryString.length > 0 ? parseQuery(queryString) : {},
          body: undefined,
          correlationId: start.correlationId,
          traceIds: traceIdsOf(span?.spanContext()),
          clientAddress,
          protocol: this.protocol(req),
        },
        res,
        actor,
      );
    } catch (error) {
      writeProblem(req, res, error, start.correlationId, logger);
    }
  }

  /** Express's `req.ip` for a numeric `trust proxy`: the address `trustProxy` hops back. */
  private clientAddress(req: IncomingMessage): string {
    const socketAddress = req.socket.remoteAddress ?? '';
    const hops = this.options.trustProxy;
    if (hops === 0) return socketAddress;
    const forwarded = req.headers['x-forwarded-for'];
    if (!forwarded) return socketAddress;
    const chain = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded)
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part.length > 0)
      .reverse();
    return chain[Math.min(hops, chain.length) - 1] ?? socketAddress;
  }

  /** Express's `req.protocol`: X-Forwarded-Proto only from a trusted proxy. */
  private protocol(req: IncomingMessage): string {
    const own = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
    if (this.options.trustProxy === 0) return own;
    const header = req.headers['x-forwarded-proto'];
    const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim();
    return first && first.length > 0 ? first : own;
  }
}

function traceIdsOf(spanContext: { traceId: string; spanId: string } | undefined): TraceIds | undefined {
  if (!spanContext || spanContext.traceId === INVALID_TRACE_ID) return undefined;
  return { traceId: spanContext.traceId, spanId: spanContext.spanId };
}
