import { SetMetadata } from '@nestjs/common';
import type { z } from 'zod';

const API_ROUTE_KEY = 'lianxin:api-route';

/** Problem statuses a route may declare; 401 (non-public), 400 (with inputs) and 500 are added. */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429;

export type SuccessStatus = 200 | 201 | 202 | 204;

export interface ApiRouteOptions {
  readonly summary: string;
  readonly description?: string;
  /**
   * Permission action (`registry.member.write`). Published as `x-lianxin-action` for the gateway,
   * and enforced by the `@lianxin/auth` guard. Omit only for public routes or routes any
   * authenticated actor may call.
   */
  readonly action?: string;
  /** Only needed when the handler does not use `@ZodParams/@ZodQuery/@ZodBody` (those are read automatically). */
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** Success responses; `null` means no body (e.g. 204). */
  readonly responses: Partial<Record<SuccessStatus, z.ZodType | null>>;
  readonly errors?: readonly ProblemStatus[];
  readonly tags?: readonly string[];
}

/** Describes a route for `/openapi.json` and names the permission it needs. */
export const ApiRoute = (options: ApiRouteOptions): MethodDecorator => SetMetadata(API_ROUTE_KEY, options);

export function getApiRoute(handler: object): ApiRouteOptions | undefined {
  const value: unknown = Reflect.getMetadata(API_ROUTE_KEY, handler);
  return value as ApiRouteOptions | undefined;
}
