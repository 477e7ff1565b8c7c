import { SetMetadata } from '@nestjs/common';
import type { Action } from '../permissions/permission-matrix';

const REQUIRED_PERMISSION_KEY = 'lianxin:required-permission';

/**
 * The action a route needs (checked by the global `AuthGuard` against the permission matrix).
 * Routes documented with `@ApiRoute({ action })` need no second declaration: the guard enforces
 * that action too.
 */
export const RequirePermission = (action: Action): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_PERMISSION_KEY, action);

export function requiredPermissionOf(target: object): string | undefined {
  const value: unknown = Reflect.getMetadata(REQUIRED_PERMISSION_KEY, target);
  return typeof value === 'string' ? value : undefined;
}
