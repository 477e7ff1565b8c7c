import { randomBytes } from 'node:crypto';
import { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { Transform, type TransformCallback } from 'node:stream';
import { type Actor } from '@lianxin/auth';
import { type TraceIds } from '@lianxin/platform-telemetry';
import {
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  UnauthorizedError,
} from '@lianxin/platform-http';
import { type UpstreamCatalogue } from '../../routing/infrastructure/upstream-catalogue';
import { findRoute, type RouteEntry } from '../../routing/route-table';
import { collectScopeTargets, findScopeViolation } from '../../routing/scope-targets';
import {
  downstreamResponseHeaders,
  isValidTraceparent,
  upstreamRequestHeaders,
} from '../domain/forwarded-headers';
import { UnsupportedMediaTypeError, UpstreamFailure } from '../domain/upstream-failure';
import { AbortSource } from '../infrastructure/abort-source';
import { relayBody } from '../infrastructure/relay-body';
import { type UpstreamClient, type UpstreamRequest } from '../infrastructure/upstream-client';

/** The verified caller, as the auth library describes it. */
export type ForwardingActor = Pick<Actor, 'id' | 'roles' | 'scope' | 'districtId'>;

/** The permission matrix and scope test, injected from `@lianxin/auth` (the one matrix file). */
export interface Authoriser {
  can(actor: ForwardingActor, action: string): boolean;
  isWithinScope(scope: string, orgPath: string): boolean;
}

export interface ForwardingLimits {
  readonly bodyLimitBytes: number;
  readonly importBodyLimitBytes: number;
  /** The routing table (default `ROUTE_TABLE`; tests pass one with short timeouts). */
  readonly routeTable?: readonly RouteEntry[];
  /**
   * Send `Server-Timing: upstream;dur=<ms>` (the time from handing the request to the upstream
   * client until the upstream's response headers, retries included) so a load test can tell the
   * gateway's own time from the service's. Off unless `SERVER_TIMING` is set.
   */
  readonly serverTiming?: boolean;
}

/**
 * One request to forward, as either request lane (the read fast lane or the Nest pipeline)
 * describes it: no framework types, so both lanes share every rule below.
 */
export interface ForwardRequest {
  /** The incoming request itself: its body stream (imports) and the key of its outcome. */
  readonly raw: IncomingMessage;
  readonly method: string;
  /** Path without the query string. */
  readonly path: string;
  /** Path and query string exactly as the caller sent them. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  /** Parsed query (top-level fields are checked against the caller's scope). */
  readonly query: unknown;
  /** Parsed JSON body, if the pipeline parsed one. */
  readonly body: unknown;
  readonly correlationId: string;
  /** The gateway's span for this request; the upstream's span becomes its child. */
  readonly traceIds: TraceIds | undefined;
  readonly clientAddress: string;
  readonly protocol: string;
}

/** What the audit trail needs to know about a forwarded request once it is decided. */
export interface ForwardOutcome {
  readonly action: string | undefined;
}

/** RFC 9110 §9.2.2: repeating these has the same effect as sending once, so they may be retried. */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
// On the request object, not in a WeakMap: see `kRequestStart` in @lianxin/platform-http (a
// WeakMap entry keyed by a young request survives scavenges; ADR 0010, session 5).
const kOutcome = Symbol('lianxin.forwardOutcome');
type WithOutcome = IncomingMessage & { [kOutcome]?: ForwardOutcome };

export function forwardOutcomeOf(req: IncomingMessage): ForwardOutcome | undefined {
  return (req as WithOutcome)[kOutcome];
}

function hasBody(req: { readonly headers: IncomingHttpHeaders }): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

// Trace and span ids are cut from one batch of random bytes: two randomBytes() calls per request
// (two synchronous getrandom syscalls) showed up in the gateway's CPU profile under load.
const ENTROPY_BATCH_BYTES = 24 * 256;
let entropy = Buffer.alloc(0);
let entropyOffset = 0;

function randomHex(bytes: number): string {
  if (entropyOffset + bytes > entropy.length) {
    entropy = randomBytes(ENTROPY_BATCH_BYTES);
    entropyOffset = 0;
  }
  const hex = entropy.toString('hex', entropyOffset, entropyOffset + bytes);
  entropyOffset += bytes;
  return hex;
}

function traceparentFor(req: ForwardRequest): string {
  const incoming = req.headers['traceparent'];
  // Prefer the span the gateway opened for this request, so the upstream's span is its child;
  // otherwise continue the caller's trace; otherwise start one.
  const active = req.traceIds;
  if (active) return `00-${active.traceId}-${active.spanId}-01`;
  if (typeof incoming === 'string' && isValidTraceparent(incoming)) return incoming;
  return `00-${randomHex(16)}-${randomHex(8)}-01`;
}

/** Adds the gateway's `upstream` metric after any the service sent itself. */
function appendServerTiming(res: ServerResponse, upstreamMs: number): void {
  const metric = `upstream;dur=${upstreamMs.toFixed(3)}`;
  const existing = res.getHeader('server-timing');
  res.setHeader('server-timing', existing === undefined ? metric : `${String(existing)}, ${metric}`);
}

class ByteLimit extends Transform {
  private seen = 0;
  exceeded = false;

  constructor(private readonly limit: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.limit) {
      this.exceeded = true;
      callback(new PayloadTooLargeError(`Request body exceeds the limit of ${this.limit} bytes`));
      return;
    }
    callback(null, chunk);
  }
}

/**
 * Forwards one request to the service that owns its path: find the operation in the service's
 * OpenAPI document, check the caller's role for its `x-lianxin-action` and the org scope the
 * request names, then send it on with the caller's Authorization header unchanged, a correlation
 * id and a traceparent, under the route's timeout, retry and circuit-breaker rules.
 */
export class ForwardRequestHandler {
  constructor(
    private readonly catalogue: UpstreamCatalogue,
    private readonly clients: ReadonlyMap<string, UpstreamClient>,
    private readonly authoriser: Authoriser,
    private readonly limits: ForwardingLimits,
  ) {}

  async execute(req: ForwardRequest, res: ServerResponse, actor: ForwardingActor | undefined): Promise<void> {
    const path = req.path;
    const route = findRoute(path, this.limits.routeTable);
    const client = route ? this.clients.get(route.upstream) : undefined;
    if (!route || !client) throw new NotFoundError(`No service serves ${path}`);
    if (!route.public && !actor) throw new UnauthorizedError('A bearer token is required');

    const lookup = await this.catalogue.lookup(route, req.method, path);
    if (lookup.kind === 'api-unknown') {
      throw new UpstreamFailure(
        route.upstream,
        'catalogue-unavailable',
        `The ${route.upstream} service's API is not known yet`,
        5,
      );
    }
    if (lookup.kind === 'no-operation')
      throw new NotFoundError(`${req.method} ${path} is not an operation of the ${route.upstream} service`);
    const action = lookup.match.operation.action;
    (req.raw as WithOutcome)[kOutcome] = { action };
    if (actor) this.authorise(actor, action, req);

    const body = this.requestBody(req, route);
    const headers = upstreamRequestHeaders(req.headers, {
      correlationId: req.correlationId,
      traceparent: traceparentFor(req),
      clientAddress: req.clientAddress,
      protocol: req.protocol,
      host: req.headers.host,
      stripCredentials: route.public,
    });
    if (Buffer.isBuffer(body)) {
      // The platform body parser already decoded (and possibly inflated) the JSON.
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(body.length);
      delete headers['content-encoding'];
    }
    res.setHeader('traceparent', String(headers['traceparent']));

    const abort = new AbortSource();
    res.on('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    const request: UpstreamRequest = {
      method: req.method,
      path: req.url,
      headers,
      body,
      timeoutMs: READS.has(req.method) ? route.readTimeoutMs : route.writeTimeoutMs,
      retryable: IDEMPOTENT.has(req.method) && !(body instanceof ByteLimit),
      signal: abort,
    };

    let response;
    const sentAt = this.limits.serverTiming ? performance.now() : 0;
    try {
      response = await client.send(request);
    } catch (error) {
      if (body instanceof ByteLimit && body.exceeded)
        throw new PayloadTooLargeError(
          `Request body exceeds the limit of ${this.limits.importBodyLimitBytes} bytes`,
        );
      throw error;
    }
    res.statusCode = response.statusCode;
    for (const [name, value] of Object.entries(downstreamResponseHeaders(response.headers))) {
      // The gateway's own correlation id is authoritative (it equals the one it sent upstream).
      if (name === 'x-correlation-id' || name === 'traceparent') continue;
      res.setHeader(name, value);
    }
    if (this.limits.serverTiming) appendServerTiming(res, performance.now() - sentAt);
    await relayBody(response.body, res);
  }

  private authorise(actor: ForwardingActor, action: string | undefined, req: ForwardRequest): void {
    // Fail closed: an operation that declares no permission is not reachable through the gateway.
    if (!action) throw new ForbiddenError(`${req.method} ${req.path} declares no permission`);
    if (!this.authoriser.can(actor, action)) throw new ForbiddenError(`Your role may not ${action}`);
    const violation = findScopeViolation(actor, collectScopeTargets(req.query, req.body), (scope, orgPath) =>
      this.authoriser.isWithinScope(scope, orgPath),
    );
    if (violation) throw new ForbiddenError(violation);
  }

  private requestBody(req: ForwardRequest, route: RouteEntry): Buffer | ByteLimit | undefined {
    const parsed: unknown = req.body;
    if (parsed !== undefined) return Buffer.from(JSON.stringify(parsed));
    if (!hasBody(req)) return undefined;
    if (!route.streamBody) throw new UnsupportedMediaTypeError('Send the body as application/json');
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > this.limits.importBodyLimitBytes) {
      throw new PayloadTooLargeError(
        `Request body exceeds the limit of ${this.limits.importBodyLimitBytes} bytes`,
      );
    }
    const limiter = new ByteLimit(this.limits.importBodyLimitBytes);
    req.raw.on('error', (error) => limiter.destroy(error));
    req.raw.pipe(limiter);
    return limiter;
  }
}
