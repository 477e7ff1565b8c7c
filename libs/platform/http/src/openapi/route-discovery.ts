import { RequestMethod } from '@nestjs/common';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import type { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { isIdempotentHandler } from '../idempotency/idempotent.decorator';
import { getApiRoute } from '../routes/api-route.decorator';
import { isPublicHandler } from '../routes/public.decorator';
import { routeActionsOf } from '../routes/route-action';
import { getRouteInputSchemas } from '../validation/zod-decorators';
import type { RouteDescription } from './openapi-document';

/**
 * Lists every controller route of the running app with its Lianxin metadata. Paths are taken
 * as declared on controllers (no global prefix: services put `/api/v1/...` in `@Controller`).
 */
export function discoverRoutes(discovery: DiscoveryService, scanner: MetadataScanner): RouteDescription[] {
  const routes: RouteDescription[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller: unknown = wrapper.metatype;
    const instance: unknown = wrapper.instance;
    if (typeof controller !== 'function' || typeof instance !== 'object' || instance === null) continue;
    const prototype: object = Object.getPrototypeOf(instance) as object;
    const controllerPaths = pathsOf(Reflect.getMetadata(PATH_METADATA, controller));
    for (const methodName of scanner.getAllMethodNames(prototype)) {
      const handler: unknown = Reflect.get(prototype, methodName);
      if (typeof handler !== 'function') continue;
      const methodPaths: unknown = Reflect.getMetadata(PATH_METADATA, handler);
      if (methodPaths === undefined) continue;
      const method = httpMethodOf(Reflect.getMetadata(METHOD_METADATA, handler));
      for (const base of controllerPaths) {
        for (const sub of pathsOf(methodPaths)) {
          routes.push({
            method,
            path: joinPaths(base, sub),
            operationId: `${controller.name}_${methodName}`,
            isPublic: isPublicHandler(handler, controller),
            idempotent: isIdempotentHandler(handler),
            api: getApiRoute(handler),
            action: routeActionsOf(handler, controller)[0],
            inputs: getRouteInputSchemas(handler),
          });
        }
      }
    }
  }
  return routes;
}

function pathsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return typeof value === 'string' ? [value] : ['/'];
}

function joinPaths(base: string, sub: string): string {
  const joined = `/${base}/${sub}`.replace(/\/+/g, '/');
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}

function httpMethodOf(value: unknown): string {
  const name = typeof value === 'number' ? RequestMethod[value] : undefined;
  return name ?? 'GET';
}
