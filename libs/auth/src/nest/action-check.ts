import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { routeActionsOf } from '@lianxin/platform-http';
import { isAction } from '../permissions/can';

/**
 * `@ApiRoute({ action })` takes a plain string (platform-http does not know the matrix), so a
 * misspelt action would only surface as a 500 at request time, and a route with two different
 * actions would be documented with one and guarded by both. This check fails the app's start
 * instead, naming every offending handler.
 */
@Injectable()
export class ActionCheck implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onApplicationBootstrap(): void {
    const problems: string[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const instance: unknown = wrapper.instance;
      if (typeof instance !== 'object' || instance === null) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const methodName of this.scanner.getAllMethodNames(prototype)) {
        const handler: unknown = Reflect.get(prototype, methodName);
        if (typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined)
          continue;
        const actions = routeActionsOf(handler, prototype.constructor);
        const where = `${wrapper.name}.${methodName}`;
        if (actions.length > 1) problems.push(`${where} declares several actions (${actions.join(', ')})`);
        for (const action of actions.filter((candidate) => !isAction(candidate))) {
          problems.push(`${where}: ${action} is missing from the permission matrix`);
        }
      }
    }
    if (problems.length > 0) throw new Error(`Invalid route permissions: ${problems.join('; ')}`);
  }
}
