import { ForbiddenError, NotFoundError } from '@lianxin/platform-http';
import type { Actor } from '../actor/actor';
import { isWithinScope } from './org-path';

export interface AssertInScopeOptions {
  /**
   * `not-found` (default) when the caller asked for an existing row by id: a row outside scope
   * must look exactly like a missing one. `forbidden` when the caller named the org unit
   * themselves (create under a unit, filter by a unit): saying "not yours" leaks nothing new.
   */
  readonly whenOutside?: 'not-found' | 'forbidden';
  /** Used in the 404 detail, e.g. `member`. */
  readonly resource?: string;
}

/** Application-layer scope check (RLS is the second line): throws 404 or 403 per CONVENTIONS. */
export function assertInScope(
  actor: Pick<Actor, 'scope'>,
  orgPath: string,
  options: AssertInScopeOptions = {},
): void {
  if (isWithinScope(actor.scope, orgPath)) return;
  if (options.whenOutside === 'forbidden') {
    throw new ForbiddenError('The org unit is outside your scope');
  }
  throw new NotFoundError(`${options.resource ?? 'resource'} was not found`);
}
