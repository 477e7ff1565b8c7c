import { All, Controller, Inject, Req, Res } from '@nestjs/common';
import { type Request, type Response } from 'express';
import { CurrentActor, type Actor } from '@lianxin/auth';
import { correlationIdOf, Public } from '@lianxin/platform-http';
import { getActiveTraceIds } from '@lianxin/platform-telemetry';
import { ForwardRequestHandler, type ForwardRequest } from '../application/forward-request.handler';

function forwardRequestOf(req: Request): ForwardRequest {
  return {
    raw: req,
    method: req.method,
    path: req.path,
    url: req.originalUrl,
    headers: req.headers,
    query: req.query,
    body: req.body as unknown,
    correlationId: correlationIdOf(req),
    traceIds: getActiveTraceIds(),
    clientAddress: req.ip ?? req.socket.remoteAddress ?? '',
    protocol: req.protocol,
  };
}

/**
 * Catch-all for the services behind the gateway, for the requests the read lane
 * (`read-lane.ts`) leaves to Nest: writes and anything with a body. Registered last, so the
 * gateway's own routes (`/api/v1/auth/...`, `/api/v1/audit`) match first.
 */
@Controller()
export class ProxyController {
  constructor(@Inject(ForwardRequestHandler) private readonly forward: ForwardRequestHandler) {}

  @All('api/v1/*path')
  forwardApi(@Req() req: Request, @Res() res: Response, @CurrentActor() actor: Actor): Promise<void> {
    return this.forward.execute(forwardRequestOf(req), res, actor);
  }

  @Public()
  @All('public/*path')
  forwardPublic(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.forward.execute(forwardRequestOf(req), res, undefined);
  }
}
