import { z } from 'zod';
import { commonEnv, requireAuthKeySource } from '@lianxin/platform-config';

const csv = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );

const optionalUrl = z.url().optional();

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * Every environment variable the gateway reads. `config/` is the only place that touches
 * `process.env`; everything else receives the frozen, typed result.
 */
export const gatewayConfigSchema = z
  .object({
    NODE_ENV: commonEnv.NODE_ENV,
    PORT: commonEnv.PORT.default(3000),
    DATABASE_URL: commonEnv.DATABASE_URL,
    DATABASE_MIGRATION_URL: commonEnv.DATABASE_MIGRATION_URL,
    DATABASE_POOL_SIZE: commonEnv.DATABASE_POOL_SIZE,
    KAFKA_BROKERS: commonEnv.KAFKA_BROKERS,
    KAFKA_CLIENT_ID: commonEnv.KAFKA_CLIENT_ID.default('gateway'),
    LOG_LEVEL: commonEnv.LOG_LEVEL,
    OTEL_EXPORTER_OTLP_ENDPOINT: commonEnv.OTEL_EXPORTER_OTLP_ENDPOINT,
    AUTH_ISSUER: commonEnv.AUTH_ISSUER,
    AUTH_AUDIENCE: commonEnv.AUTH_AUDIENCE,
    AUTH_JWKS_URL: commonEnv.AUTH_JWKS_URL,
    AUTH_PUBLIC_KEY_PEM: commonEnv.AUTH_PUBLIC_KEY_PEM,
    // Only the development issuer signs; refused in production (see the refinement below).
    AUTH_PRIVATE_KEY_PEM: z.string().min(1).optional(),
    AUTH_CLOCK_TOLERANCE_SEC: z.coerce.number().int().min(0).max(300).default(30),
    DEV_TOKEN_TTL_SEC: positiveInt(3600),
    UPSTREAM_REGISTRY_URL: optionalUrl,
    UPSTREAM_PAIRING_URL: optionalUrl,
    UPSTREAM_LEDGER_URL: optionalUrl,
    UPSTREAM_ASSESSMENT_URL: optionalUrl,
    UPSTREAM_DISCLOSURE_URL: optionalUrl,
    UPSTREAM_OPENAPI_REFRESH_MS: positiveInt(60_000),
    UPSTREAM_CONNECTIONS: positiveInt(64),
    CORS_ORIGINS: csv,
    RATE_LIMIT_WINDOW_MS: positiveInt(60_000),
    RATE_LIMIT_PER_TOKEN: positiveInt(1200),
    RATE_LIMIT_PUBLIC_PER_IP: positiveInt(120),
    RATE_LIMIT_TOKEN_ISSUE_PER_IP: positiveInt(30),
    IMPORT_BODY_LIMIT_BYTES: positiveInt(50 * 1024 * 1024),
    TRUST_PROXY: z.coerce.number().int().min(0).default(0),
    // Measurement aid (benchmarks, load tests): a `Server-Timing: upstream;dur=…` header on each
    // forwarded answer. Off by default: it tells any caller how long the services take.
    SERVER_TIMING: z
      .enum(['0', '1', 'false', 'true'])
      .default('0')
      .transform((value) => value === '1' || value === 'true'),
  })
  .superRefine((env, ctx) => {
    requireAuthKeySource(env, ctx);
    if (env.NODE_ENV === 'production' && env.AUTH_PRIVATE_KEY_PEM) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_PRIVATE_KEY_PEM'],
        message: 'the development issuer is refused in production; use an OIDC provider (AUTH_JWKS_URL)',
      });
    }
  });

export type GatewayEnv = z.infer<typeof gatewayConfigSchema>;
