import { createPublicKey } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { type DataSource } from 'typeorm';
import {
  CachingTokenVerifier,
  can,
  createTokenVerifier,
  DevIssuer,
  isAction,
  isWithinScope,
  type TokenVerifier,
} from '@lianxin/auth';
import { createHttpApp, postgresReadiness, securityHeaders } from '@lianxin/platform-http';
import { createDataSource } from '@lianxin/platform-persistence';
import { createLogger, type Logger } from '@lianxin/platform-telemetry';
import { AuditTrail } from '../audit/application/audit-trail';
import { RecordAuditEntryHandler } from '../audit/application/commands/record-audit-entry/record-audit-entry.handler';
import { ListAuditEntriesHandler } from '../audit/application/queries/list-audit-entries/list-audit-entries.handler';
import { AuditEntryOrmEntity } from '../audit/infrastructure/audit-entry.orm-entity';
import { DevIssuerController } from '../auth/api/dev-issuer.controller';
import { DevTokenIssuer } from '../auth/application/issue-dev-token.handler';
import { AuditController } from '../audit/api/audit.controller';
import { type GatewayConfig, type UpstreamShort } from '../config/gateway-config';
import { ReadLane } from '../forwarding/api/read-lane';
import { ForwardRequestHandler, type Authoriser } from '../forwarding/application/forward-request.handler';
import {
  DEFAULT_UPSTREAM_CLIENT_OPTIONS,
  UpstreamClient,
} from '../forwarding/infrastructure/upstream-client';
import { MergedOpenApiService, type OwnRoute } from '../openapi/application/merged-openapi.service';
import { createRateLimiters } from '../rate-limit/rate-limiters';
import { UpstreamCatalogue } from '../routing/infrastructure/upstream-catalogue';
import { type RouteEntry } from '../routing/route-table';
import { type GatewayDependencies } from './gateway-dependencies';
import { GatewayModule } from './gateway.module';

export interface GatewayApp {
  readonly app: INestApplication;
  readonly deps: GatewayDependencies;
  /** Stops the app; the module's shutdown steps drain audit writes and close pools and the database. */
  close(): Promise<void>;
}

export interface GatewayAppOverrides {
  /** A ready DataSource (tests); otherwise one is created from the config and initialised. */
  readonly dataSource?: DataSource;
  readonly logger?: Logger;
  /** Another routing table (tests: short timeouts); default `ROUTE_TABLE`. */
  readonly routeTable?: readonly RouteEntry[];
}

/** 1 MiB for JSON bodies everywhere; CSV imports stream with their own, larger limit. */
const BODY_LIMIT_BYTES = 1024 * 1024;

const authoriser: Authoriser = {
  can: (actor, action) => isAction(action) && can(actor, action),
  isWithinScope,
};

function ownRoutes(devIssuer: boolean): OwnRoute[] {
  const routes: OwnRoute[] = [
    { controller: AuditController, handler: 'list', method: 'GET', path: '/api/v1/audit', isPublic: false },
  ];
  if (devIssuer) {
    routes.push(
      {
        controller: DevIssuerController,
        handler: 'issueToken',
        method: 'POST',
        path: '/api/v1/auth/token',
        isPublic: true,
      },
      {
        controller: DevIssuerController,
        handler: 'demoAccounts',
        method: 'GET',
        path: '/api/v1/auth/demo-accounts',
        isPublic: true,
      },
      {
        controller: DevIssuerController,
        handler: 'jwks',
        method: 'GET',
        path: '/.well-known/jwks.json',
        isPublic: true,
      },
    );
  }
  return routes;
}

function samePublicKey(a: string, b: string): boolean {
  const der = (pem: string): Buffer => createPublicKey(pem).export({ type: 'spki', format: 'der' });
  return der(a).equals(der(b));
}

async function createDevIssuer(config: GatewayConfig): Promise<DevIssuer | undefined> {
  const settings = config.auth.devIssuer;
  if (!settings || config.env === 'production') return undefined;
  const issuer = await DevIssuer.create({
    issuer: config.auth.issuer,
    audience: config.auth.audience,
    privateKeyPem: settings.privateKeyPem,
  });
  // A key pair that does not match would issue tokens no service accepts: fail at boot instead.
  if (!samePublicKey(issuer.publicKeyPem, settings.publicKeyPem)) {
    throw new Error('AUTH_PRIVATE_KEY_PEM does not belong to AUTH_PUBLIC_KEY_PEM');
  }
  return issuer;
}

/** Composition root: builds every collaborator from the config, then the Nest app around them. */
export async function createGatewayApp(
  config: GatewayConfig,
  overrides: GatewayAppOverrides = {},
): Promise<GatewayApp> {
  const logger = overrides.logger ?? createLogger('gateway');
  const dataSource =
    overrides.dataSource ??
    (await createDataSource({
      url: config.database.url,
      entities: [AuditEntryOrmEntity],
      name: 'gateway',
      poolSize: config.database.poolSize,
    }).initialize());

  const verifier: TokenVerifier = new CachingTokenVerifier(
    createTokenVerifier({
      issuer: config.auth.issuer,
      audience: config.auth.audience,
      ...(config.auth.jwksUrl
        ? { jwksUrl: config.auth.jwksUrl }
        : { publicKeyPem: config.auth.publicKeyPem }),
      clockToleranceSec: config.auth.clockToleranceSec,
    }),
    { clockToleranceSec: config.auth.clockToleranceSec, maxEntries: 10_000, maxAgeMs: 60_000 },
  );
  const devIssuer = await createDevIssuer(config);

  const catalogue = new UpstreamCatalogue({
    upstreams: config.upstreams,
    refreshMs: config.upstreamOpenApiRefreshMs,
    missRefetchMs: 5_000,
    fetchTimeoutMs: 3_000,
    ...(overrides.routeTable ? { table: overrides.routeTable } : {}),
    onError: (upstream, error) =>
      logger.warn(
        { upstream, err: error instanceof Error ? error.message : String(error) },
        'upstream OpenAPI document unavailable',
      ),
  });
  await catalogue.start();

  const clients = new Map<UpstreamShort, UpstreamClient>();
  for (const upstream of catalogue.configuredUpstreams()) {
    const origin = catalogue.originOf(upstream);
    if (origin)
      clients.set(
        upstream,
        new UpstreamClient(upstream, origin, {
          ...DEFAULT_UPSTREAM_CLIENT_OPTIONS,
          connections: config.upstreamConnections,
        }),
      );
  }

  const deps: GatewayDependencies = {
    config,
    dataSource,
    verifier,
    devTokenIssuer: devIssuer
      ? new DevTokenIssuer(devIssuer, {
          environment: config.env,
          ttlSec: config.auth.devIssuer?.ttlSec ?? 3600,
        })
      : undefined,
    catalogue,
    clients,
    forward: new ForwardRequestHandler(catalogue, clients, authoriser, {
      bodyLimitBytes: BODY_LIMIT_BYTES,
      importBodyLimitBytes: config.importBodyLimitBytes,
      serverTiming: config.serverTiming,
      ...(overrides.routeTable ? { routeTable: overrides.routeTable } : {}),
    }),
    auditTrail: new AuditTrail(new RecordAuditEntryHandler(dataSource), logger),
    listAuditEntries: new ListAuditEntriesHandler(dataSource),
    openApi: new MergedOpenApiService(catalogue, ownRoutes(devIssuer !== undefined), '1.0.0'),
    rateLimiters: createRateLimiters(config.rateLimit),
    shutdownSteps: [],
  };
  deps.shutdownSteps.push(
    () => deps.auditTrail.drain(),
    async () => {
      catalogue.stop();
      await Promise.all([...clients.values()].map((client) => client.close()));
    },
  );

  // Bodiless reads for the services are served ahead of Express and Nest (ADR 0007).
  const readLane = new ReadLane({
    forward: deps.forward,
    verifier,
    rateLimiters: deps.rateLimiters,
    logger,
    corsOrigins: config.corsOrigins,
    trustProxy: config.trustProxy,
    securityHeaders: securityHeaders(),
  });
  const app = await createHttpApp(GatewayModule.forRoot(deps), {
    serviceName: 'gateway',
    logger,
    bodyLimitBytes: BODY_LIMIT_BYTES,
    readinessChecks: { postgres: postgresReadiness(dataSource) },
    preRouter: readLane.handle,
  });
  // Client addresses for rate limits and the audit trail come from X-Forwarded-For only when
  // the gateway sits behind that many trusted proxies (TRUST_PROXY hops; 0 = the socket peer).
  (app as NestExpressApplication).set('trust proxy', config.trustProxy);

  return {
    app,
    deps,
    async close() {
      await app.close();
      if (!overrides.dataSource && dataSource.isInitialized) await dataSource.destroy();
    },
  };
}
