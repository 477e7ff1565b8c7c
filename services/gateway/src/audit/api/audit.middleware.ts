import { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { actorOfRequest, can, isAction, type Actor } from '@lianxin/auth';
import { correlationIdOf } from '@lianxin/platform-http';
import { forwardOutcomeOf } from '../../forwarding/application/forward-request.handler';
import { type AuditTrail } from '../application/audit-trail';
import { auditActorOf, type AuditActor } from '../domain/audit-actor';
import { auditPath, extractTargetIds, isAuditedMethod, normaliseClientAddress } from '../domain/audit-entry';

/** The role under which the request was allowed: the first of the actor's roles the matrix permits. */
function roleFor(actor: Actor, action: string | undefined): string {
  const permitted =
    action !== undefined && isAction(action)
      ? actor.roles.find((role) => can({ roles: [role] }, action))
      : undefined;
  return permitted ?? actor.roles[0] ?? 'member';
}

function auditActor(req: Request): AuditActor | undefined {
  const actor = actorOfRequest(req);
  if (actor)
    return {
      id: actor.id,
      role: roleFor(actor, forwardOutcomeOf(req)?.action),
      scope: actor.scope,
      districtId: actor.districtId,
    };
  return auditActorOf(req);
}

/**
 * Audits every state-changing request (POST, PUT, PATCH, DELETE) once its outcome is known.
 * Requests without an identified actor (no or invalid token → 401) are not written to the
 * append-only table — an anonymous caller must not be able to fill it — they are in the request
 * log with their correlation id instead (ADR 0006).
 */
export function auditMiddleware(trail: AuditTrail): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const method = req.method;
    if (!isAuditedMethod(method)) {
      next();
      return;
    }
    const occurredAt = new Date();
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      const actor = auditActor(req);
      if (!actor) return;
      const location = res.getHeader('location');
      trail.record({
        actor,
        method,
        path: auditPath(req.originalUrl),
        targetIds: extractTargetIds(
          auditPath(req.originalUrl),
          req.body,
          typeof location === 'string' ? location : undefined,
        ),
        // 499: the caller went away before an answer was sent (nginx's convention).
        status: res.headersSent ? res.statusCode : 499,
        correlationId: correlationIdOf(req),
        clientAddress: normaliseClientAddress(req.ip ?? req.socket.remoteAddress),
        occurredAt,
      });
    };
    res.once('finish', finish);
    res.once('close', finish);
    next();
  };
}
