import { ForbiddenError } from '@lianxin/platform-http';
import type { Actor } from '../actor/actor';
import type { Role } from '../actor/roles';
import { PERMISSION_MATRIX, type Action } from './permission-matrix';

export function isAction(value: string): value is Action {
  return Object.prototype.hasOwnProperty.call(PERMISSION_MATRIX, value);
}

/** True if any of the actor's roles may perform `action` (scope is checked separately). */
export function can(actor: Pick<Actor, 'roles'>, action: Action): boolean {
  const allowed: readonly Role[] = PERMISSION_MATRIX[action];
  return actor.roles.some((role) => allowed.includes(role));
}

/** Throws a 403 problem when the actor's roles do not allow `action`. */
export function assertPermission(actor: Pick<Actor, 'roles'>, action: Action): void {
  if (!can(actor, action)) throw new ForbiddenError(`Your role does not allow ${action}`);
}
