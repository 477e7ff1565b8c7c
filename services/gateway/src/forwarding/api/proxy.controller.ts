import { All, Controller, Inject, Req, Res } from '@nestjs/common';
import { type Request, type Response } from 'express';
import { CurrentActor, type Actor } from '@lianxin/auth';
import { Public } from '@lianxin/platform-http';
import { ForwardRequestHandler } from '../application/forward-request.handler';

/**
 * Catch-all for the services behind the gateway. Registered last, so the gateway's own routes
 * (`/api/v1/auth/...`, `/api/v1/audit`) match first.
 */
@Controller()
export class ProxyController {
  constructor(@Inject(ForwardRequestHandler) private readonly forward: ForwardRequestHandler) {}

  @All('api/v1/*path')
  forwardApi(@Req() req: Request, @Res() res: Response, @CurrentActor() actor: Actor): Promise<void> {
    return this.forward.execute(req, res, actor);
  }

  @Public()
  @All('public/*path')
  forwardPublic(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.forward.execute(req, res, undefined);
  }
}
