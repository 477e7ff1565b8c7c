// TypeORM data source, migrations and drift check, transactional outbox + relay, inbox.
// Database provisioning (roles, grants) lives in @lianxin/platform-runtime.
export { createDataSource, type CreateDataSourceOptions } from './data-source/create-data-source';
export { revertLastMigration, runMigrations } from './migrations/run-migrations';
export { runMigrationCli, type MigrationCliOptions, type MigrationCommand } from './migrations/migration-cli';
export { assertNoMigrationDrift, MigrationDriftError } from './migrations/drift-check';
export { CreateOutboxAndInbox1735689600000, OUTBOX_CHANNEL } from './outbox/outbox-inbox.migration';
export { OutboxNotifyWhenIdle1735689600100 } from './outbox/outbox-notify-when-idle.migration';
export { OutboxWakeCheckOnce1735689600200 } from './outbox/outbox-wake-check-once.migration';
export { outboxInboxMigrations } from './outbox/outbox-inbox-migrations';
export { toOutboxMessage, type OutboxMessage } from './outbox/outbox-message';
export { writeOutbox } from './outbox/write-outbox';
export {
  inTransaction,
  SYSTEM_SCOPE,
  type IsolationLevel,
  type TransactionContext,
} from './transaction/in-transaction';
export { queryPrepared } from './transaction/query-prepared';
export { WriteBatcher, type WriteBatcherOptions } from './batching/write-batcher';
export { claimInbox, handleOnce, type InboxKey, type InboxOutcome } from './inbox/handle-once';
export { OutboxRelay, type OutboxRelayOptions } from './relay/outbox-relay';
export { consoleRelayLogger, type RelayLogger, type RelayProducer } from './relay/relay-producer';
