import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { getApiRoute } from '@lianxin/platform-http';
import { isAction } from '../permissions/can';
import { requiredPermissionOf } from './require-permission.decorator';

/**
 * `@ApiRoute({ action })` takes a plain string (platform-http does not know the matrix), so a
 * misspelt action would only show up as a 500 at request time. This check fails the app's start
 * instead, naming every offending handler.
 */
@Injectable()
export class ActionCheck implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onApplicationBootstrap(): void {
    const unknown: string[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const instance: unknown = wrapper.instance;
      if (typeof instance !== 'object' || instance === null) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      const controllerAction = requiredPermissionOf(prototype.constructor);
      if (controllerAction !== undefined && !isAction(controllerAction))
        unknown.push(`${wrapper.name}: ${controllerAction}`);
      for (const methodName of this.scanner.getAllMethodNames(prototype)) {
        const handler: unknown = Reflect.get(prototype, methodName);
        if (typeof handler !== 'function') continue;
        for (const action of [getApiRoute(handler)?.action, requiredPermissionOf(handler)]) {
          if (action !== undefined && !isAction(action))
            unknown.push(`${wrapper.name}.${methodName}: ${action}`);
        }
      }
    }
    if (unknown.length > 0) {
      throw new Error(`Routes name actions missing from the permission matrix: ${unknown.join(', ')}`);
    }
  }
}
