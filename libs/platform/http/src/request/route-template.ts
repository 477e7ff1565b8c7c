import type { IncomingMessage } from 'node:http';
import type { Request } from 'express';

/** The matched route template (`/api/v1/members/:id`), or `unmatched`: bounded metric labels. */
export function routeTemplateOf(request: Request): string {
  const route: unknown = request.route;
  if (typeof route === 'object' && route !== null && 'path' in route && typeof route.path === 'string') {
    return `${request.baseUrl}${route.path}`;
  }
  return 'unmatched';
}

/** The path without the query string: query strings may carry personal data, paths do not. */
export function pathOf(request: IncomingMessage & { originalUrl?: string }): string {
  const url = request.originalUrl || request.url || '/';
  const queryStart = url.indexOf('?');
  return queryStart === -1 ? url : url.slice(0, queryStart);
}
