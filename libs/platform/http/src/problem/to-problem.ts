import { HttpException } from '@nestjs/common';
import { DomainError } from '../errors/domain-errors';
import { problemType, type ProblemDetails } from './problem-details';

export interface ProblemRequestInfo {
  readonly instance: string;
  readonly correlationId: string;
}

export interface ProblemResult {
  readonly problem: ProblemDetails;
  readonly headers: Record<string, string>;
  /** True when the error was unexpected: log it, and the client only sees a generic 500. */
  readonly unexpected: boolean;
}

const titles: Record<number, [slug: string, title: string]> = {
  400: ['bad-request', 'Bad request'],
  401: ['unauthorized', 'Unauthorized'],
  403: ['forbidden', 'Forbidden'],
  404: ['not-found', 'Not found'],
  405: ['method-not-allowed', 'Method not allowed'],
  409: ['conflict', 'Conflict'],
  413: ['payload-too-large', 'Payload too large'],
  415: ['unsupported-media-type', 'Unsupported media type'],
  422: ['business-rule', 'Business rule violated'],
  429: ['too-many-requests', 'Too many requests'],
};

/** Maps anything thrown while handling a request to a problem+json body. */
export function toProblem(error: unknown, request: ProblemRequestInfo): ProblemResult {
  if (error instanceof DomainError) {
    const headers: Record<string, string> = {};
    if (error.status === 401) headers['WWW-Authenticate'] = 'Bearer';
    if ('retryAfterSec' in error && typeof error.retryAfterSec === 'number') {
      headers['Retry-After'] = String(error.retryAfterSec);
    }
    return {
      problem: {
        type: problemType(error.slug),
        title: error.title,
        status: error.status,
        detail: error.message,
        ...request,
        ...error.extensions(),
      },
      headers,
      unexpected: false,
    };
  }
  // Nest's own exceptions (unknown route → 404, wrong method …). Their messages are safe to show.
  if (error instanceof HttpException && error.getStatus() < 500) {
    const status = error.getStatus();
    const [slug, title] = titles[status] ?? ['http-error', 'Request failed'];
    return {
      problem: { type: problemType(slug), title, status, detail: error.message, ...request },
      headers: {},
      unexpected: false,
    };
  }
  return {
    problem: {
      type: problemType('internal'),
      title: 'Internal server error',
      status: 500,
      // Never echo the error: messages and stacks can carry SQL, paths or personal data.
      detail: 'An unexpected error occurred. Quote the correlation id when reporting it.',
      ...request,
    },
    headers: {},
    unexpected: true,
  };
}
