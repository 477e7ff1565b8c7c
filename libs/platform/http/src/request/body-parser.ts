import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { Logger } from '@lianxin/platform-telemetry';
import { type DomainError, PayloadTooLargeError, ValidationError } from '../errors/domain-errors';
import { sendProblem } from '../problem/send-problem';

export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

export function jsonBodyParser(limitBytes: number): RequestHandler {
  return express.json({ limit: limitBytes, type: ['application/json', 'application/*+json'] });
}

/**
 * body-parser reports oversized and malformed bodies through Express's error chain, before Nest's
 * exception filters exist for the request; this turns them into the same problem+json responses.
 */
export function bodyParserErrorHandler(logger: Logger, limitBytes: number): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    const mapped = mapBodyError(error, limitBytes);
    if (!mapped) {
      next(error);
      return;
    }
    sendProblem(req, res, mapped, logger);
  };
}

function mapBodyError(error: unknown, limitBytes: number): DomainError | undefined {
  if (typeof error !== 'object' || error === null || !('type' in error)) return undefined;
  switch (error.type) {
    case 'entity.too.large':
      return new PayloadTooLargeError(`Request body exceeds the limit of ${limitBytes} bytes`);
    case 'entity.parse.failed':
      return new ValidationError('Request body is not valid JSON', [
        { field: 'body', message: 'Malformed JSON' },
      ]);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ValidationError('Unsupported body encoding', [{ field: 'body', message: 'Use UTF-8' }]);
    default:
      return undefined;
  }
}
