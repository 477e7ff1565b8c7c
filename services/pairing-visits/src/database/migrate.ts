// CLI: `node -r @swc-node/register services/pairing-visits/src/database/migrate.ts up|down|show`.
// Runs with the owner role (DATABASE_MIGRATION_URL, else DATABASE_URL).
import { runMigrationCli } from '@lianxin/platform-persistence';
import { migrationUrl } from '@lianxin/platform-config';
import { loadPairingConfig } from '../config/pairing-config';
import { PAIRING_ENTITIES } from './entities';
import { PAIRING_MIGRATIONS } from './migrations';

async function main(): Promise<void> {
  const config = loadPairingConfig();
  const code = await runMigrationCli({
    url: migrationUrl(config),
    entities: PAIRING_ENTITIES,
    migrations: PAIRING_MIGRATIONS,
    name: 'pairing-visits-migrate',
  });
  process.exit(code);
}

void main();
