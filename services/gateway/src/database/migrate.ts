// CLI: `node -r @swc-node/register services/gateway/src/database/migrate.ts [up|down|show]`,
// run by `npm start` and by the Helm pre-install/pre-upgrade hook Job, as the owner role.
import { runMigrationCli } from '@lianxin/platform-persistence';
import { AuditEntryOrmEntity } from '../audit/infrastructure/audit-entry.orm-entity';
import { loadMigrationUrl } from '../config/migration-config';
import { GATEWAY_MIGRATIONS } from './migrations/gateway-migrations';

void runMigrationCli({
  url: loadMigrationUrl(),
  name: 'gateway-migrate',
  entities: [AuditEntryOrmEntity],
  migrations: GATEWAY_MIGRATIONS,
}).then((code) => process.exit(code));
