import { runMigrationCli } from '@lianxin/platform-persistence';
import { loadMigrationUrl } from '../config/registry-config';
import { REGISTRY_MIGRATIONS } from './registry-schema';

// CLI: `node -r @swc-node/register services/member-registry/src/database/migrate.ts [up|down|show]`,
// connecting with the owner role (DATABASE_MIGRATION_URL, else DATABASE_URL).
void runMigrationCli({
  url: loadMigrationUrl(),
  name: 'member-registry-migrate',
  migrations: REGISTRY_MIGRATIONS,
}).then((code) => {
  process.exitCode = code;
});
