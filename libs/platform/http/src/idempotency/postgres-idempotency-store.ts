import type { ClaimResult, IdempotencyScope, IdempotencyStore, StoredResponse } from './idempotency-store';

/**
 * Anything that runs parameterised SQL: a TypeORM `DataSource`/`EntityManager` (returns rows) or a
 * `pg` Pool/Client (returns `{ rows }`). Kept structural so this library needs neither.
 */
export interface SqlQueryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

const tableName = /^[a-z_][a-z0-9_]{0,62}$/;

/** DDL for the service's own migration (`up`); grant DML on it to the app role there too. */
export function createIdempotencyTableSql(table = 'idempotency_keys'): string[] {
  assertTableName(table);
  return [
    `CREATE TABLE ${table} (
      key text NOT NULL,
      actor_id text NOT NULL,
      route text NOT NULL,
      request_hash text NOT NULL,
      status_code integer,
      response_body jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      PRIMARY KEY (key, actor_id, route)
    )`,
    `CREATE INDEX ${table}_expires_at_idx ON ${table} (expires_at)`,
  ];
}

/** DDL for the migration's `down`. */
export function dropIdempotencyTableSql(table = 'idempotency_keys'): string[] {
  assertTableName(table);
  return [`DROP TABLE ${table}`];
}

/**
 * Idempotency records in a table the service owns (created with `createIdempotencyTableSql`).
 * The table holds no tenant rows (records are keyed by actor), so it needs no RLS policy.
 */
export class PostgresIdempotencyStore implements IdempotencyStore {
  private readonly table: string;

  constructor(
    private readonly db: SqlQueryable,
    options: { table?: string } = {},
  ) {
    this.table = options.table ?? 'idempotency_keys';
    assertTableName(this.table);
  }

  async claim(scope: IdempotencyScope, requestHash: string, ttlSeconds: number): Promise<ClaimResult> {
    const ids = [scope.key, scope.actorId, scope.route];
    await this.db.query(
      `DELETE FROM ${this.table} WHERE key = $1 AND actor_id = $2 AND route = $3 AND expires_at < now()`,
      ids,
    );
    const inserted = rowsOf(
      await this.db.query(
        `INSERT INTO ${this.table} (key, actor_id, route, request_hash, expires_at)
         VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))
         ON CONFLICT DO NOTHING RETURNING key`,
        [...ids, requestHash, ttlSeconds],
      ),
    );
    if (inserted.length > 0) return { kind: 'claimed' };
    const [row] = rowsOf(
      await this.db.query(
        `SELECT request_hash, status_code, response_body FROM ${this.table}
         WHERE key = $1 AND actor_id = $2 AND route = $3`,
        ids,
      ),
    );
    // The record vanished between insert and select (expired and purged): treat as in progress.
    if (!row) return { kind: 'existing', requestHash, response: null };
    const statusCode = row['status_code'];
    return {
      kind: 'existing',
      requestHash: String(row['request_hash']),
      response: typeof statusCode === 'number' ? { statusCode, body: row['response_body'] } : null,
    };
  }

  async complete(scope: IdempotencyScope, response: StoredResponse): Promise<void> {
    await this.db.query(
      `UPDATE ${this.table} SET status_code = $4, response_body = $5::jsonb
       WHERE key = $1 AND actor_id = $2 AND route = $3`,
      [scope.key, scope.actorId, scope.route, response.statusCode, JSON.stringify(response.body ?? null)],
    );
  }

  async release(scope: IdempotencyScope): Promise<void> {
    await this.db.query(
      `DELETE FROM ${this.table} WHERE key = $1 AND actor_id = $2 AND route = $3 AND status_code IS NULL`,
      [scope.key, scope.actorId, scope.route],
    );
  }

  /** Deletes expired records; call it from a periodic job to keep the table small. */
  async purgeExpired(): Promise<void> {
    await this.db.query(`DELETE FROM ${this.table} WHERE expires_at < now()`);
  }
}

function assertTableName(table: string): void {
  if (!tableName.test(table)) throw new Error(`Invalid idempotency table name: ${table}`);
}

function rowsOf(result: unknown): Record<string, unknown>[] {
  const rows: unknown = Array.isArray(result)
    ? result
    : typeof result === 'object' && result !== null && 'rows' in result
      ? result.rows
      : [];
  return Array.isArray(rows)
    ? rows.filter((row): row is Record<string, unknown> => typeof row === 'object' && row !== null)
    : [];
}
