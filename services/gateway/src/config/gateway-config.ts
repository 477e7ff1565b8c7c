import { loadConfig, type EnvSource } from '@lianxin/platform-config';
import { gatewayConfigSchema, type GatewayEnv } from './gateway-config.schema';

export const UPSTREAM_SHORTS = ['registry', 'pairing', 'ledger', 'assessment', 'disclosure'] as const;
export type UpstreamShort = (typeof UPSTREAM_SHORTS)[number];

export interface GatewayConfig {
  readonly env: GatewayEnv['NODE_ENV'];
  readonly port: number;
  readonly logLevel: GatewayEnv['LOG_LEVEL'];
  /** OTLP/HTTP collector for traces; undefined exports nothing. */
  readonly otlpEndpoint: string | undefined;
  readonly database: { readonly url: string; readonly migrationUrl: string; readonly poolSize: number };
  readonly kafka: { readonly brokers: readonly string[]; readonly clientId: string };
  readonly auth: {
    readonly issuer: string;
    readonly audience: string;
    readonly jwksUrl: string | undefined;
    readonly publicKeyPem: string | undefined;
    readonly clockToleranceSec: number;
    /** Present only when this gateway may act as the development issuer. */
    readonly devIssuer:
      { readonly privateKeyPem: string; readonly publicKeyPem: string; readonly ttlSec: number } | undefined;
  };
  readonly upstreams: Readonly<Partial<Record<UpstreamShort, string>>>;
  readonly upstreamOpenApiRefreshMs: number;
  readonly upstreamConnections: number;
  readonly corsOrigins: readonly string[];
  readonly rateLimit: {
    readonly windowMs: number;
    readonly perToken: number;
    readonly publicPerIp: number;
    readonly tokenIssuePerIp: number;
  };
  readonly importBodyLimitBytes: number;
  readonly trustProxy: number;
  /** `SERVER_TIMING`: send `Server-Timing: upstream;dur=<ms>` on forwarded answers (off by default). */
  readonly serverTiming: boolean;
}

/** Turns the validated environment into the structured, frozen configuration the app uses. */
export function toGatewayConfig(env: GatewayEnv): GatewayConfig {
  const upstreams: Partial<Record<UpstreamShort, string>> = {};
  const byShort: Record<UpstreamShort, string | undefined> = {
    registry: env.UPSTREAM_REGISTRY_URL,
    pairing: env.UPSTREAM_PAIRING_URL,
    ledger: env.UPSTREAM_LEDGER_URL,
    assessment: env.UPSTREAM_ASSESSMENT_URL,
    disclosure: env.UPSTREAM_DISCLOSURE_URL,
  };
  for (const short of UPSTREAM_SHORTS) {
    const url = byShort[short];
    if (url) upstreams[short] = url.replace(/\/+$/, '');
  }
  const devIssuer =
    env.NODE_ENV !== 'production' && env.AUTH_PRIVATE_KEY_PEM && env.AUTH_PUBLIC_KEY_PEM
      ? {
          privateKeyPem: env.AUTH_PRIVATE_KEY_PEM,
          publicKeyPem: env.AUTH_PUBLIC_KEY_PEM,
          ttlSec: env.DEV_TOKEN_TTL_SEC,
        }
      : undefined;
  return Object.freeze({
    env: env.NODE_ENV,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT,
    database: Object.freeze({
      url: env.DATABASE_URL,
      migrationUrl: env.DATABASE_MIGRATION_URL ?? env.DATABASE_URL,
      poolSize: env.DATABASE_POOL_SIZE,
    }),
    kafka: Object.freeze({ brokers: Object.freeze([...env.KAFKA_BROKERS]), clientId: env.KAFKA_CLIENT_ID }),
    auth: Object.freeze({
      issuer: env.AUTH_ISSUER,
      audience: env.AUTH_AUDIENCE,
      jwksUrl: env.AUTH_JWKS_URL,
      publicKeyPem: env.AUTH_PUBLIC_KEY_PEM,
      clockToleranceSec: env.AUTH_CLOCK_TOLERANCE_SEC,
      devIssuer: devIssuer ? Object.freeze(devIssuer) : undefined,
    }),
    upstreams: Object.freeze(upstreams),
    upstreamOpenApiRefreshMs: env.UPSTREAM_OPENAPI_REFRESH_MS,
    upstreamConnections: env.UPSTREAM_CONNECTIONS,
    corsOrigins: Object.freeze([...env.CORS_ORIGINS]),
    rateLimit: Object.freeze({
      windowMs: env.RATE_LIMIT_WINDOW_MS,
      perToken: env.RATE_LIMIT_PER_TOKEN,
      publicPerIp: env.RATE_LIMIT_PUBLIC_PER_IP,
      tokenIssuePerIp: env.RATE_LIMIT_TOKEN_ISSUE_PER_IP,
    }),
    importBodyLimitBytes: env.IMPORT_BODY_LIMIT_BYTES,
    trustProxy: env.TRUST_PROXY,
    serverTiming: env.SERVER_TIMING,
  });
}

/** Reads and validates the environment once at boot; lists every bad variable and exits on error. */
export function loadGatewayConfig(
  env: EnvSource = process.env,
  onError: 'exit' | 'throw' = 'exit',
): GatewayConfig {
  return toGatewayConfig(loadConfig(gatewayConfigSchema, env, { onError }));
}
