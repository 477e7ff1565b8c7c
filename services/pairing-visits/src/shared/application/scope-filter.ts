import { ForbiddenError } from '@lianxin/platform-http';

/** The unit a report is about: the requested path when it lies inside the actor's scope, else the scope itself. */
export function reportPath(actorScope: string, requested: string | undefined): string {
  if (requested === undefined) return actorScope;
  if (!requested.startsWith(actorScope)) throw new ForbiddenError(`${requested} is outside your scope`);
  return requested;
}
