import { isOrgPath } from './org-path';

/** Anything that runs SQL inside the current transaction: a TypeORM EntityManager or QueryRunner, a pg client. */
export interface ScopedQueryRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * Sets the row-level-security scope (`lianxin.scope`) for the current transaction. It MUST run
 * inside a transaction, first: `set_config(..., true)` is transaction-local, so outside one it
 * lasts a single statement. Afterwards the setting reads as '' (not NULL) on that connection, so
 * policies must use `NULLIF(current_setting('lianxin.scope', true), '')` to fail closed — a bare
 * `current_setting(...) || '%'` would then match every row. Use `/` only for system work.
 */
export async function setRlsScope(runner: ScopedQueryRunner, scope: string): Promise<void> {
  if (!isOrgPath(scope)) throw new Error(`Refusing to set a malformed RLS scope: ${JSON.stringify(scope)}`);
  await runner.query("SELECT set_config('lianxin.scope', $1, true)", [scope]);
}
