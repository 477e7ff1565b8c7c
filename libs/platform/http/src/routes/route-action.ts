import { SetMetadata } from '@nestjs/common';
import { getApiRoute } from './api-route.decorator';

const ROUTE_ACTION_KEY = 'lianxin:route-action';

/**
 * Names the permission action of a route or controller without `@ApiRoute`. `@lianxin/auth`'s
 * typed `@RequirePermission(action)` is built on it; prefer that one in services.
 */
export const RouteAction = (action: string): MethodDecorator & ClassDecorator =>
  SetMetadata(ROUTE_ACTION_KEY, action);

/**
 * The distinct actions declared for a handler: `@ApiRoute({ action })`, then the handler's and
 * the controller's `RouteAction`. One action per route is the rule (the auth module checks it at
 * start-up), so the OpenAPI `x-lianxin-action` and the guard always agree.
 */
export function routeActionsOf(handler: object, controller: object): string[] {
  const declared = [getApiRoute(handler)?.action, actionOf(handler), actionOf(controller)];
  return [...new Set(declared.filter((action): action is string => action !== undefined))];
}

function actionOf(target: object): string | undefined {
  const value: unknown = Reflect.getMetadata(ROUTE_ACTION_KEY, target);
  return typeof value === 'string' ? value : undefined;
}
