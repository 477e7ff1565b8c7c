import { z } from 'zod';
import { commonEnv, loadConfig, migrationUrl, type EnvSource } from '@lianxin/platform-config';

const migrationConfigSchema = z.object({
  DATABASE_URL: commonEnv.DATABASE_URL,
  DATABASE_MIGRATION_URL: commonEnv.DATABASE_MIGRATION_URL,
});

/** The migration CLI needs only the owner connection, not the whole service config. */
export function loadMigrationUrl(env: EnvSource = process.env): string {
  return migrationUrl(loadConfig(migrationConfigSchema, env));
}
