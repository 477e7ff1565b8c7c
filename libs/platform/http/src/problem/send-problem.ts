import type { Request, Response } from 'express';
import type { Logger } from '@lianxin/platform-telemetry';
import { correlationIdOf } from '../request/correlation-id';
import { pathOf } from '../request/route-template';
import { PROBLEM_CONTENT_TYPE } from './problem-details';
import { toProblem } from './to-problem';

/** Writes `error` as problem+json; unexpected errors are logged with their stack, never sent. */
export function sendProblem(req: Request, res: Response, error: unknown, logger: Logger): void {
  const { problem, headers, unexpected } = toProblem(error, {
    instance: pathOf(req),
    correlationId: correlationIdOf(req),
  });
  if (unexpected) {
    logger.error({ err: error, method: req.method, path: problem.instance }, 'unhandled error');
  }
  if (res.headersSent) return;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}
