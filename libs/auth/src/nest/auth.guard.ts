import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ForbiddenError, isPublicRoute, routeActionsOf, UnauthorizedError } from '@lianxin/platform-http';
import { setRequestActor } from '@lianxin/platform-telemetry';
import { can, isAction } from '../permissions/can';
import type { TokenVerifier } from '../tokens/token-verifier';
import { rememberActor } from './actor-of-request';

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');

/**
 * Global guard: every route needs a valid bearer token unless marked `@Public()`, and the
 * actions named by `@RequirePermission` and `@ApiRoute({ action })` must be allowed by the matrix.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(@Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http' || isPublicRoute(context)) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new UnauthorizedError('A bearer token is required');
    const actor = await this.verifier.verify(token);
    rememberActor(request, actor);
    setRequestActor(actor);
    for (const action of routeActionsOf(context.getHandler(), context.getClass())) {
      // An action missing from the matrix is a programming error; fail closed and loudly.
      if (!isAction(action)) throw new Error(`Route requires unknown action ${action}`);
      if (!can(actor, action)) throw new ForbiddenError(`Your role does not allow ${action}`);
    }
    return true;
  }
}

/** The token of an `Authorization: Bearer …` header; undefined for anything else. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = header ? /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(header.trim()) : null;
  return match?.[1];
}
