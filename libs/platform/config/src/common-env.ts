import { z } from 'zod';

// Zod pieces for the variables every service shares (docs/CONVENTIONS.md, "Common env
// variables"). A service spreads the ones it uses into its own z.object, so each service's
// schema lists exactly what it reads.

const HOST_PORT = /^[A-Za-z0-9.-]+:\d{1,5}$/;

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\/.+/.test(value) && URL.canParse(value), 'must be a postgres:// URL');

export const port = z.coerce.number().int().min(1).max(65535);

/** `host:port,host:port` → `['host:port', 'host:port']`. */
export const kafkaBrokers = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((broker) => broker.trim())
      .filter((broker) => broker !== ''),
  )
  .pipe(
    z
      .array(z.string().regex(HOST_PORT, 'each broker must be host:port'))
      .min(1, 'needs at least one host:port'),
  );

/** Base64 of exactly 32 bytes (AES-256 key) → the key bytes. */
export const base64Key32 = z
  .string()
  .refine((value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value), 'must be base64')
  .transform((value) => Buffer.from(value, 'base64'))
  .refine((key) => key.length === 32, 'must decode to exactly 32 bytes (openssl rand -base64 32)');

/** `true`/`false`/`1`/`0`/`yes`/`no`; unlike z.coerce.boolean, "false" means false. */
export const booleanFlag = z.stringbool();

export const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

export const commonEnv = {
  PORT: port,
  /** App role: subject to row-level security. */
  DATABASE_URL: postgresUrl,
  /** Owner role for migrations; unset means DATABASE_URL (see `migrationUrl`). */
  DATABASE_MIGRATION_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  KAFKA_BROKERS: kafkaBrokers,
  KAFKA_CLIENT_ID: z.string().regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, ".", "_", "-" only'),
  LOG_LEVEL: logLevel.default('info'),
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  AUTH_ISSUER: z.string().min(1),
  AUTH_AUDIENCE: z.string().min(1).default('lianxin'),
  AUTH_JWKS_URL: z.url().optional(),
  AUTH_PUBLIC_KEY_PEM: z
    .string()
    .refine((value) => value.includes('-----BEGIN PUBLIC KEY-----'), 'must be a PEM public key')
    .optional(),
  PII_ENCRYPTION_KEY: base64Key32,
  DEMO_DATA: booleanFlag.default(false),
} as const;

/** Refinement for a schema using AUTH_*: one of the two key sources must be given. */
export function requireAuthKeySource(
  config: { AUTH_JWKS_URL?: string | undefined; AUTH_PUBLIC_KEY_PEM?: string | undefined },
  ctx: z.core.$RefinementCtx,
): void {
  if (config.AUTH_JWKS_URL === undefined && config.AUTH_PUBLIC_KEY_PEM === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['AUTH_JWKS_URL'],
      message: 'set AUTH_JWKS_URL or AUTH_PUBLIC_KEY_PEM',
    });
  }
}

/** Where migrations connect: the owner URL when given, otherwise the app URL. */
export function migrationUrl(config: {
  DATABASE_URL: string;
  DATABASE_MIGRATION_URL?: string | undefined;
}): string {
  return config.DATABASE_MIGRATION_URL ?? config.DATABASE_URL;
}
