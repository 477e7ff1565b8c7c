import { type IncomingHttpHeaders } from 'node:http';

/** RFC 9110 §7.6.1 hop-by-hop headers, plus ones the gateway sets itself. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'http2-settings',
]);

export interface ForwardingContext {
  readonly correlationId: string;
  readonly traceparent: string;
  readonly clientAddress: string;
  readonly protocol: string;
  readonly host: string | undefined;
  /** `/public` routes never pass credentials on: residents have none, and nobody should leak any. */
  readonly stripCredentials: boolean;
}

function connectionListed(headers: IncomingHttpHeaders): Set<string> {
  const value = headers.connection;
  if (!value) return new Set();
  return new Set(value.split(',').map((token) => token.trim().toLowerCase()));
}

/**
 * Request headers sent upstream: the caller's headers minus hop-by-hop ones, with the
 * Authorization header unchanged (services verify the token again), the correlation id and
 * traceparent the gateway settled on, and X-Forwarded-* describing the original request.
 */
export function upstreamRequestHeaders(
  incoming: IncomingHttpHeaders,
  context: ForwardingContext,
): Record<string, string | string[]> {
  const dropped = connectionListed(incoming);
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined || HOP_BY_HOP.has(name) || dropped.has(name)) continue;
    if (name === 'x-forwarded-for' || name === 'x-forwarded-proto' || name === 'x-forwarded-host') continue;
    if (context.stripCredentials && (name === 'authorization' || name === 'cookie')) continue;
    headers[name] = value;
  }
  headers['x-correlation-id'] = context.correlationId;
  headers['traceparent'] = context.traceparent;
  const priorFor = incoming['x-forwarded-for'];
  headers['x-forwarded-for'] = priorFor
    ? `${String(priorFor)}, ${context.clientAddress}`
    : context.clientAddress;
  headers['x-forwarded-proto'] = context.protocol;
  if (context.host) headers['x-forwarded-host'] = context.host;
  return headers;
}

/** Response headers passed back to the caller: the upstream's minus hop-by-hop ones. */
export function downstreamResponseHeaders(
  upstream: IncomingHttpHeaders | Record<string, string | string[] | undefined>,
): Record<string, string | string[]> {
  const dropped = new Set<string>();
  const connection = upstream['connection'];
  if (typeof connection === 'string')
    for (const token of connection.split(',')) dropped.add(token.trim().toLowerCase());
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(upstream)) {
    const lower = name.toLowerCase();
    if (value === undefined || HOP_BY_HOP.has(lower) || dropped.has(lower)) continue;
    headers[lower] = value;
  }
  return headers;
}

const TRACEPARENT = /^[\da-f]{2}-[\da-f]{32}-[\da-f]{16}-[\da-f]{2}$/;

export function isValidTraceparent(value: string | undefined): value is string {
  return (
    value !== undefined &&
    TRACEPARENT.test(value) &&
    !value.startsWith('ff') &&
    value.slice(3, 35) !== '0'.repeat(32) &&
    value.slice(36, 52) !== '0'.repeat(16)
  );
}
