import type { IncomingHttpHeaders } from 'node:http';

/** Metric and log labels, the same the Nest pipeline's catch-all routes produce. */
export const API_ROUTE = '/api/v1/*path';
export const PUBLIC_ROUTE = '/public/*path';

function isOwnApiPath(path: string): boolean {
  // The gateway's own Nest routes under /api/v1 (development issuer, audit trail).
  return (
    path === '/api/v1/auth' ||
    path.startsWith('/api/v1/auth/') ||
    path === '/api/v1/audit' ||
    path.startsWith('/api/v1/audit/')
  );
}

function hasBody(headers: IncomingHttpHeaders): boolean {
  const length = headers['content-length'];
  return headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * The read lane's share of the traffic (ADR 0007): bodiless GET and HEAD for the services behind
 * the gateway. Returns the route label, or undefined for requests Nest handles.
 */
export function readLaneRoute(
  method: string | undefined,
  path: string,
  headers: IncomingHttpHeaders,
): string | undefined {
  if (method !== 'GET' && method !== 'HEAD') return undefined;
  let route: string;
  if (path.startsWith('/public/')) route = PUBLIC_ROUTE;
  else if (path.startsWith('/api/v1/') && !isOwnApiPath(path)) route = API_ROUTE;
  else return undefined;
  return hasBody(headers) ? undefined : route;
}
