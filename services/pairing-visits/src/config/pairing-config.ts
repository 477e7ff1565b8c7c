import { commonEnv, loadConfig, requireAuthKeySource, type EnvSource } from '@lianxin/platform-config';
import { z } from 'zod';

// The only module that reads the environment (STYLE rule 5). Everything else receives the typed,
// frozen object.
export const pairingConfigSchema = z
  .object({
    PORT: commonEnv.PORT.default(3102),
    DATABASE_URL: commonEnv.DATABASE_URL,
    DATABASE_MIGRATION_URL: commonEnv.DATABASE_MIGRATION_URL,
    DATABASE_POOL_SIZE: commonEnv.DATABASE_POOL_SIZE,
    KAFKA_BROKERS: commonEnv.KAFKA_BROKERS,
    KAFKA_CLIENT_ID: commonEnv.KAFKA_CLIENT_ID.default('pairing-visits'),
    LOG_LEVEL: commonEnv.LOG_LEVEL,
    NODE_ENV: commonEnv.NODE_ENV,
    OTEL_EXPORTER_OTLP_ENDPOINT: commonEnv.OTEL_EXPORTER_OTLP_ENDPOINT,
    AUTH_ISSUER: commonEnv.AUTH_ISSUER,
    AUTH_AUDIENCE: commonEnv.AUTH_AUDIENCE,
    AUTH_JWKS_URL: commonEnv.AUTH_JWKS_URL,
    AUTH_PUBLIC_KEY_PEM: commonEnv.AUTH_PUBLIC_KEY_PEM,
    DEMO_DATA: commonEnv.DEMO_DATA,
    /** Outbox relay: rows per publish batch and idle poll interval. */
    OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
    OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(200),
    /**
     * Pause after a partial batch before the next poll: under a steady stream of visits the relay
     * then sends tens of rows per transaction instead of two or three (each relay transaction is
     * five statements and a commit flush in this process and in Postgres). Events wait at most
     * this much longer.
     */
    OUTBOX_LINGER_MS: z.coerce.number().int().min(0).max(5_000).default(100),
    /** Default share of visits drawn by a spot check when the request does not say (5 %). */
    SPOT_CHECK_DEFAULT_SHARE: z.coerce.number().gt(0).lte(1).default(0.05),
  })
  .superRefine(requireAuthKeySource);

export type PairingConfig = Readonly<z.output<typeof pairingConfigSchema>>;

export function loadPairingConfig(
  env: EnvSource = process.env,
  onError: 'exit' | 'throw' = 'exit',
): PairingConfig {
  return loadConfig(pairingConfigSchema, env, { onError });
}
