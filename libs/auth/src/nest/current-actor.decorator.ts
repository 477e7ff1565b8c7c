import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { UnauthorizedError } from '@lianxin/platform-http';
import type { Actor } from '../actor/actor';
import { actorOfRequest } from './actor-of-request';

/** `@CurrentActor() actor: Actor` — the verified caller (401 on a public route without one). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = actorOfRequest(context.switchToHttp().getRequest<Request>());
  if (!actor) throw new UnauthorizedError('This route needs an authenticated actor');
  return actor;
});
