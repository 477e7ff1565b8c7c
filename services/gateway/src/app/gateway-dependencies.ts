import { type DataSource } from 'typeorm';
import { type TokenVerifier } from '@lianxin/auth';
import { type AuditTrail } from '../audit/application/audit-trail';
import { type ListAuditEntriesHandler } from '../audit/application/queries/list-audit-entries/list-audit-entries.handler';
import { type DevTokenIssuer } from '../auth/application/issue-dev-token.handler';
import { type GatewayConfig, type UpstreamShort } from '../config/gateway-config';
import { type ForwardRequestHandler } from '../forwarding/application/forward-request.handler';
import { type UpstreamClient } from '../forwarding/infrastructure/upstream-client';
import { type MergedOpenApiService } from '../openapi/application/merged-openapi.service';
import { type RateLimiters } from '../rate-limit/rate-limiters';
import { type UpstreamCatalogue } from '../routing/infrastructure/upstream-catalogue';

/** Everything the gateway's Nest module needs, built once by the composition root. */
export interface GatewayDependencies {
  readonly config: GatewayConfig;
  readonly dataSource: DataSource;
  readonly verifier: TokenVerifier;
  readonly devTokenIssuer: DevTokenIssuer | undefined;
  readonly catalogue: UpstreamCatalogue;
  readonly clients: ReadonlyMap<UpstreamShort, UpstreamClient>;
  readonly forward: ForwardRequestHandler;
  readonly auditTrail: AuditTrail;
  readonly listAuditEntries: ListAuditEntriesHandler;
  readonly openApi: MergedOpenApiService;
  readonly rateLimiters: RateLimiters;
  /**
   * Run in order when the app shuts down (Nest's shutdown hooks handle SIGTERM/SIGINT), after
   * the HTTP server stopped accepting requests: audit drain, pools, relay, database.
   */
  readonly shutdownSteps: (() => Promise<void>)[];
}

export const GATEWAY_DEPENDENCIES = Symbol('GATEWAY_DEPENDENCIES');
