import { RouteAction } from '@lianxin/platform-http';
import type { Action } from '../permissions/permission-matrix';

/**
 * The action a route (or every route of a controller) needs, checked by the global `AuthGuard`
 * against the permission matrix and published as `x-lianxin-action`. Typed: a misspelt action
 * does not compile. Routes documented with `@ApiRoute({ action })` need no second declaration.
 */
export const RequirePermission = (action: Action): MethodDecorator & ClassDecorator => RouteAction(action);
