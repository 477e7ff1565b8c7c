import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response } from 'express';
import type { Logger } from '@lianxin/platform-telemetry';
import { correlationIdOf } from '../request/correlation-id';
import { pathOf } from '../request/route-template';
import { PROBLEM_CONTENT_TYPE } from './problem-details';
import { toProblem } from './to-problem';

/** Writes `error` as problem+json; unexpected errors are logged with their stack, never sent. */
export function sendProblem(req: Request, res: Response, error: unknown, logger: Logger): void {
  writeProblem(req, res, error, correlationIdOf(req), logger);
}

/**
 * The same answer on a plain Node request/response (no Express), for handlers that run ahead of
 * the framework. `logger` receives unexpected errors; without one they are only answered 500.
 */
export function writeProblem(
  req: IncomingMessage,
  res: ServerResponse,
  error: unknown,
  correlationId: string,
  logger?: Logger,
): void {
  const { problem, headers, unexpected } = toProblem(error, { instance: pathOf(req), correlationId });
  if (unexpected) {
    logger?.error({ err: error, method: req.method, path: problem.instance }, 'unhandled error');
  }
  if (res.headersSent) return;
  const body = JSON.stringify(problem);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.statusCode = problem.status;
  res.setHeader('content-type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(req.method === 'HEAD' ? undefined : body);
}
