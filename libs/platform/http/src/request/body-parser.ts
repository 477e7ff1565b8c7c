import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { Logger } from '@lianxin/platform-telemetry';
import { type DomainError, PayloadTooLargeError, ValidationError } from '../errors/domain-errors';
import { sendProblem } from '../problem/send-problem';

export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

export function jsonBodyParser(limitBytes: number): RequestHandler {
  return express.json({ limit: limitBytes, type: ['application/json', 'application/*+json'] });
}

/**
 * For a handler ahead of Express (`preRouter`): reads a plain request's JSON body with the very
 * parser and limit `createHttpApp` installs, and rejects with the same problems (413, 400) the
 * Nest pipeline answers. Resolves `undefined` for a request without a JSON body.
 */
export function jsonBodyReader(
  limitBytes: number,
): (req: IncomingMessage, res: ServerResponse) => Promise<unknown> {
  const parse = jsonBodyParser(limitBytes) as unknown as (
    req: IncomingMessage,
    res: ServerResponse,
    next: (error?: unknown) => void,
  ) => void;
  return (req, res) =>
    new Promise((resolve, reject) => {
      parse(req, res, (error?: unknown) => {
        if (error === undefined) resolve((req as IncomingMessage & { body?: unknown }).body);
        else reject(mapBodyError(error, limitBytes) ?? error);
      });
    });
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
    // The client stopped sending (or sent other than it declared): its mistake, not ours. Usually
    // nobody is left to read the answer, but it must not be logged as a failure of the service.
    case 'request.aborted':
    case 'request.size.invalid':
      return new ValidationError('Request body ended before its declared length', [
        { field: 'body', message: 'Incomplete body' },
      ]);
    default:
      return undefined;
  }
}
