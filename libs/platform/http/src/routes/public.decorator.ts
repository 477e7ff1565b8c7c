import { SetMetadata, type ExecutionContext } from '@nestjs/common';

const PUBLIC_ROUTE_KEY = 'lianxin:public';

/**
 * Marks a route (or a whole controller) as reachable without a token. Everything else requires
 * one: the `@lianxin/auth` guard is global. Health, metrics and the OpenAPI document are public.
 */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE_KEY, true);

export function isPublicRoute(context: ExecutionContext): boolean {
  return isPublicHandler(context.getHandler(), context.getClass());
}

/** A route is public if the handler or its controller is marked. */
export function isPublicHandler(handler: object, controller: object): boolean {
  return (
    Reflect.getMetadata(PUBLIC_ROUTE_KEY, handler) === true ||
    Reflect.getMetadata(PUBLIC_ROUTE_KEY, controller) === true
  );
}
