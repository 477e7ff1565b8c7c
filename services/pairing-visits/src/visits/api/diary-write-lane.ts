import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type INestApplication } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import {
  bearerToken,
  can,
  isAction,
  rememberActor,
  TOKEN_VERIFIER,
  type Action,
  type TokenVerifier,
} from '@lianxin/auth';
import {
  beginRequest,
  ForbiddenError,
  IDEMPOTENCY_HEADER,
  jsonBodyReader,
  routeActionsOf,
  runInContexts,
  securityHeaders,
  UnauthorizedError,
  writeProblem,
  ZodValidationPipe,
  type PreRouter,
  type PreRouterPlatform,
} from '@lianxin/platform-http';
import { type Logger } from '@lianxin/platform-telemetry';
import { CommandContextFactory } from '../../shared/api/command-context.factory';
import { LogVisitHandler } from '../application/commands/log-visit/log-visit.handler';
import { logVisitBody } from '../application/visits.schemas';
import { VisitsController } from './visits.controller';

const ROUTE = '/api/v1/visits';

interface DiaryWriteLaneOptions {
  readonly verifier: TokenVerifier;
  readonly logVisit: LogVisitHandler;
  readonly contexts: CommandContextFactory;
  readonly logger: Logger;
  readonly bodyLimitBytes: number;
}

/**
 * The diary write lane (ADR 0011): `POST /api/v1/visits`, the one route written hundreds of times
 * a second, served on the plain Node request ahead of Express and Nest. It runs the steps of the
 * Nest pipeline in the same order with the same collaborators — request bookkeeping
 * (`beginRequest`), helmet's headers, the JSON body parser and limit, the token verifier, the
 * permission matrix (the controller's own declared actions), the controller's body schema through
 * `ZodValidationPipe`, `LogVisitHandler`, problem+json — so a request gets the same answer on
 * either path (a test sends the same requests both ways). A body that is not JSON reads as no
 * body, as it does in Express. It leaves to Nest what it does not need to repeat: requests with an
 * `Idempotency-Key` (the stored-response replay lives in Nest's interceptor).
 */
export class DiaryWriteLane {
  private readonly body = new ZodValidationPipe(logVisitBody, 'body');
  private readonly readBody: (req: IncomingMessage, res: ServerResponse) => Promise<unknown>;
  private readonly actions: readonly Action[];

  constructor(private readonly options: DiaryWriteLaneOptions) {
    this.readBody = jsonBodyReader(options.bodyLimitBytes);
    this.actions = routeActionsOf(VisitsController.prototype.log, VisitsController).map((action) => {
      if (!isAction(action)) throw new Error(`POST ${ROUTE} declares unknown action ${action}`);
      return action;
    });
  }

  /** The lane, built from the initialised app's own providers (`createHttpApp`'s `preRouter`). */
  static fromApp(app: INestApplication, platform: PreRouterPlatform): PreRouter {
    return new DiaryWriteLane({
      verifier: app.get<TokenVerifier>(TOKEN_VERIFIER),
      logVisit: app.get(LogVisitHandler),
      contexts: app.get(CommandContextFactory),
      logger: platform.logger,
      bodyLimitBytes: platform.bodyLimitBytes,
    }).handle;
  }

  /** Takes the request (returns true) when it belongs to the lane; otherwise leaves it to Express. */
  readonly handle = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'POST' || req.url !== ROUTE) return false;
    if (req.headers[IDEMPOTENCY_HEADER] !== undefined) return false;
    void this.serve(req, res);
    return true;
  };

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { logger } = this.options;
    const start = beginRequest(req, res, logger, () => ROUTE);
    for (const [name, value] of securityHeaders()) res.setHeader(name, value);
    const span = trace.getSpan(start.trace);
    if (span?.isRecording()) span.setAttribute('http.route', ROUTE);
    try {
      // Express's order: the body parser (413, malformed JSON) runs before the guard (401, 403),
      // which runs before the body schema (400).
      const body = await this.readBody(req, res);
      await runInContexts(start, async () => {
        const token = bearerToken(req.headers.authorization);
        if (!token) throw new UnauthorizedError('A bearer token is required');
        const actor = await this.options.verifier.verify(token);
        rememberActor(req, actor);
        start.context.actor = actor;
        for (const action of this.actions)
          if (!can(actor, action)) throw new ForbiddenError(`Your role does not allow ${action}`);
        const input = this.body.transform(body);
        const view = await this.options.logVisit.execute(this.options.contexts.of(actor), input);
        sendJson(res, 201, view);
      });
    } catch (error) {
      writeProblem(req, res, error, start.correlationId, logger);
    }
  }
}

/**
 * Headers and body leave in one socket write: Node joins a string body to the header block,
 * where Express's Buffer body goes out as a second buffer of a `writev` (ADR 0011).
 */
function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(value));
}
