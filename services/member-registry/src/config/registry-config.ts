import {
  commonEnv,
  loadConfig,
  migrationUrl,
  requireAuthKeySource,
  type EnvSource,
  type LoadConfigOptions,
} from '@lianxin/platform-config';
import { z } from 'zod';

// The only place the registry reads the environment.
export const registryConfigSchema = z
  .object({
    PORT: commonEnv.PORT.default(3101),
    DATABASE_URL: commonEnv.DATABASE_URL,
    DATABASE_MIGRATION_URL: commonEnv.DATABASE_MIGRATION_URL,
    DATABASE_POOL_SIZE: commonEnv.DATABASE_POOL_SIZE,
    KAFKA_BROKERS: commonEnv.KAFKA_BROKERS,
    KAFKA_CLIENT_ID: commonEnv.KAFKA_CLIENT_ID.default('member-registry'),
    LOG_LEVEL: commonEnv.LOG_LEVEL,
    NODE_ENV: commonEnv.NODE_ENV,
    OTEL_EXPORTER_OTLP_ENDPOINT: commonEnv.OTEL_EXPORTER_OTLP_ENDPOINT,
    AUTH_ISSUER: commonEnv.AUTH_ISSUER,
    AUTH_AUDIENCE: commonEnv.AUTH_AUDIENCE,
    AUTH_JWKS_URL: commonEnv.AUTH_JWKS_URL,
    AUTH_PUBLIC_KEY_PEM: commonEnv.AUTH_PUBLIC_KEY_PEM,
    PII_ENCRYPTION_KEY: commonEnv.PII_ENCRYPTION_KEY,
    DEMO_DATA: commonEnv.DEMO_DATA,
    /** Days a publicised post selection stays open to objections (公示期). */
    POST_OBJECTION_WINDOW_DAYS: z.coerce.number().int().min(1).max(60).default(5),
    /**
     * Base URL the QR code on a printed member card points to; the card id is appended. The
     * gateway's public card route (`/public/member-cards/{cardId}`), so a scanned card resolves.
     */
    MEMBER_CARD_BASE_URL: z.url().default('https://lianxin.example.gov.cn/public/member-cards/'),
  })
  .superRefine(requireAuthKeySource);

export type RegistryConfig = z.output<typeof registryConfigSchema>;

export function loadRegistryConfig(
  env: EnvSource = process.env,
  options: LoadConfigOptions = {},
): Readonly<RegistryConfig> {
  return loadConfig(registryConfigSchema, env, options);
}

/** Only what migrations need, so `migrate.ts` runs without Kafka or auth settings. */
export const migrationConfigSchema = z.object({
  DATABASE_URL: commonEnv.DATABASE_URL,
  DATABASE_MIGRATION_URL: commonEnv.DATABASE_MIGRATION_URL,
});

export function loadMigrationUrl(env: EnvSource = process.env): string {
  return migrationUrl(loadConfig(migrationConfigSchema, env));
}

/** What the demo loader needs: the app role (it goes through RLS like everyone) and the PII key. */
export const demoConfigSchema = z.object({
  DATABASE_URL: commonEnv.DATABASE_URL,
  PII_ENCRYPTION_KEY: commonEnv.PII_ENCRYPTION_KEY,
});

export function loadDemoConfig(env: EnvSource = process.env): Readonly<z.output<typeof demoConfigSchema>> {
  return loadConfig(demoConfigSchema, env);
}
