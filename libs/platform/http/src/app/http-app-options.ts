import type { IncomingMessage, ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { Logger } from '@lianxin/platform-telemetry';
import type { ReadinessCheck } from '../health/readiness';
import type { IdempotencyStore } from '../idempotency/idempotency-store';

export interface HttpAppOptions {
  /** Service name for logs and the OpenAPI title, e.g. `member-registry`. */
  readonly serviceName: string;
  /** Version shown in the OpenAPI document. Default `1.0.0`. */
  readonly version?: string;
  /** Logger for request logs and unexpected errors. Default `createLogger(serviceName)`. */
  readonly logger?: Logger;
  /** Largest accepted JSON body. Default 1 MiB; larger bodies get a 413 problem. */
  readonly bodyLimitBytes?: number;
  /** Named checks run by `/health/ready`, e.g. `{ postgres: postgresReadiness(dataSource) }`. */
  readonly readinessChecks?: Readonly<Record<string, ReadinessCheck>>;
  /** Per-check timeout for `/health/ready`. Default 2000 ms. */
  readonly readinessTimeoutMs?: number;
  /** Where `@Idempotent()` routes keep responses; required if any route uses `@Idempotent()`. */
  readonly idempotencyStore?: IdempotencyStore;
  /**
   * A plain Node handler offered every request before Express sees it; it returns true when it
   * took the request. For hot paths that cannot afford the framework's per-request work (the
   * gateway's read lane, pairing's diary write lane); it must then do the platform's bookkeeping
   * itself (`beginRequest`). A lane that serves through the app's own providers is given as
   * `{ fromApp }`, built once the app is initialised.
   */
  readonly preRouter?:
    PreRouter | { readonly fromApp: (app: INestApplication, platform: PreRouterPlatform) => PreRouter };
}

/** Takes a request (returns true) or leaves it to Express (returns false). */
export type PreRouter = (req: IncomingMessage, res: ServerResponse) => boolean;

/** What `createHttpApp` settled that a lane ahead of Express must apply the same way. */
export interface PreRouterPlatform {
  readonly logger: Logger;
  readonly bodyLimitBytes: number;
}

export const HTTP_APP_OPTIONS = Symbol('HTTP_APP_OPTIONS');
export const HTTP_LOGGER = Symbol('HTTP_LOGGER');
