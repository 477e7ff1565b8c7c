import { type EntityManager } from 'typeorm';

interface PgClient {
  query(config: { name: string; text: string; values: readonly unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs `text` as a named, server-side prepared statement on the transaction's own connection
 * (`tx.manager`): Postgres parses, rewrites (RLS policies included) and plans it once per pooled
 * connection instead of on every call, and later calls send only Bind/Execute. For statements on
 * a hot path; `name` must always go with the same `text` (pg refuses a different text under a
 * known name). Row-level security still applies: `current_setting('lianxin.scope')` is read when
 * the statement executes, not when it was prepared. Rows come back as pg returns them (no
 * TypeORM hydration); errors are pg's own `DatabaseError`.
 */
export async function queryPrepared<T>(
  manager: EntityManager,
  name: string,
  text: string,
  values: readonly unknown[],
): Promise<T[]> {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive)
    throw new Error('queryPrepared runs inside inTransaction: pass tx.manager');
  const client = (await runner.connect()) as PgClient;
  const result = await client.query({ name, text, values });
  return result.rows as T[];
}
