import { type Envelope, type TopicDefinition } from '@lianxin/contracts';
import { type DataSource, type EntityManager, type QueryRunner } from 'typeorm';
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
 * An org path made only of unit codes (`^[a-z0-9][a-z0-9-]{0,39}$`, CONVENTIONS "Tenancy"), or `/`.
 * Such a string holds no quote, backslash or semicolon, so it can be written into SQL as a literal.
 */
const LITERAL_SAFE_SCOPE = /^\/(?:[a-z0-9][a-z0-9-]{0,39}\/)*$/;

/**
 * Starts the transaction and sets the RLS scope in one round trip where it can: `START TRANSACTION`
 * and the `set_config` go to Postgres as one simple-protocol message (two statements, run in order;
 * if the first fails the second is not run). The query runner's own `startTransaction` still runs,
 * so TypeORM's transaction state (depth, active flag, subscribers) is exactly as usual; only the
 * statement it sends is widened for this one call. A scope that is not a plain org path (never
 * the case for real actors) falls back to a separate, parameterised `set_config`.
 */
async function startScopedTransaction(
  queryRunner: QueryRunner,
  scope: string,
  isolation: IsolationLevel,
): Promise<void> {
  // READ COMMITTED is Postgres' default; other levels go on the START statement itself rather than
  // in a SET TRANSACTION round trip of their own.
  const begin =
    isolation === 'READ COMMITTED' ? 'START TRANSACTION' : `START TRANSACTION ISOLATION LEVEL ${isolation}`;
  if (!LITERAL_SAFE_SCOPE.test(scope)) {
    await withStartStatement(queryRunner, begin, () => queryRunner.startTransaction());
    await queryRunner.query("SELECT set_config('lianxin.scope', $1, true)", [scope]);
    return;
  }
  await withStartStatement(
    queryRunner,
    `${begin}; SELECT set_config('lianxin.scope', '${scope}', true)`,
    () => queryRunner.startTransaction(),
  );
}

/** Runs `start` with the runner's `START TRANSACTION` replaced by `statement` (this call only). */
async function withStartStatement(
  queryRunner: QueryRunner,
  statement: string,
  start: () => Promise<void>,
): Promise<void> {
  const query = queryRunner.query.bind(queryRunner) as QueryRunner['query'];
  const replaced: QueryRunner['query'] = (sql: string, ...rest: unknown[]) =>
    (query as (sql: string, ...args: unknown[]) => Promise<unknown>)(
      sql === 'START TRANSACTION' ? statement : sql,
      ...rest,
    ) as never;
  const runner = queryRunner as { query: QueryRunner['query'] };
  runner.query = replaced;
  try {
    await start();
  } finally {
    // Deleting the own property uncovers the prototype's method again.
    delete (runner as Partial<typeof runner>).query;
  }
}

/**
 * Runs `work` in one transaction: sets the RLS scope first (transaction-local, so a pooled
 * connection never leaks one actor's scope to the next), then the work, then the outbox rows.
 * Round trips: `START TRANSACTION` + scope (one), the work's statements, the outbox insert (if
 * anything was published), `COMMIT`.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  scope: string,
  work: (tx: TransactionContext) => Promise<T>,
  isolation: IsolationLevel = 'READ COMMITTED',
): Promise<T> {
  if (!scope.startsWith('/'))
    throw new Error(`RLS scope must be an org path starting with "/", got "${scope}"`);
  const queryRunner = dataSource.createQueryRunner();
  try {
    await startScopedTransaction(queryRunner, scope, isolation);
    const manager = queryRunner.manager;
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
    await queryRunner.commitTransaction();
    return result;
  } catch (error) {
    if (queryRunner.isTransactionActive) {
      try {
        await queryRunner.rollbackTransaction();
      } catch {
        // The original error is the one to report (as EntityManager.transaction does).
      }
    }
    throw error;
  } finally {
    await queryRunner.release();
  }
}
