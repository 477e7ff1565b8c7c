import { type Envelope, type TopicDefinition } from '@lianxin/contracts';
import { type DataSource, type EntityManager } from 'typeorm';
import { type OutboxMessage, toOutboxMessage } from '../outbox/outbox-message';
import { writeOutbox } from '../outbox/write-outbox';

/** Scope for system work (relay, consumers, migrations): every org path starts with `/`. */
export const SYSTEM_SCOPE = '/';

export interface TransactionContext {
  /** Runs inside the transaction with `lianxin.scope` set, so row-level security applies. */
  readonly manager: EntityManager;
  /** The scope this transaction runs under. */
  readonly scope: string;
  /**
   * Validates the envelope against the topic's contract (throws ContractValidationError, which
   * fails the transaction) and queues an outbox row. Rows are inserted in one statement just
   * before commit, so they commit or roll back with the state change.
   */
  publish(topic: TopicDefinition | string, envelope: Envelope<unknown>): void;
}

export type IsolationLevel = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

/**
 * Runs `work` in one transaction: sets the RLS scope first (transaction-local, so a pooled
 * connection never leaks one actor's scope to the next), then the work, then the outbox rows.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  scope: string,
  work: (tx: TransactionContext) => Promise<T>,
  isolation: IsolationLevel = 'READ COMMITTED',
): Promise<T> {
  if (!scope.startsWith('/'))
    throw new Error(`RLS scope must be an org path starting with "/", got "${scope}"`);
  const run = async (manager: EntityManager): Promise<T> => {
    await manager.query("SELECT set_config('lianxin.scope', $1, true)", [scope]);
    const pending: OutboxMessage[] = [];
    const tx: TransactionContext = {
      manager,
      scope,
      publish: (topic, envelope) => {
        pending.push(toOutboxMessage(topic, envelope));
      },
    };
    const result = await work(tx);
    await writeOutbox(manager, pending);
    return result;
  };
  // READ COMMITTED is Postgres' default: naming it would cost a SET TRANSACTION round trip per
  // transaction (TypeORM sends one whenever a level is given).
  return isolation === 'READ COMMITTED'
    ? dataSource.transaction(run)
    : dataSource.transaction(isolation, run);
}
