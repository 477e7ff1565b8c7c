import { outboxInboxMigrations } from '@lianxin/platform-persistence';
import { CreateAuditEntries1763790000000 } from './1763790000000-create-audit-entries';

/** Every migration of the gateway's database, in order (outbox/inbox first). */
export const GATEWAY_MIGRATIONS = [...outboxInboxMigrations, CreateAuditEntries1763790000000];
