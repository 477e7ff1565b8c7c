import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Pool, type PoolClient } from 'pg';
import {
  findFreePort,
  startEmbeddedPostgres,
  withCredentials,
  type EmbeddedPostgresHandle,
} from '@lianxin/platform-runtime';
import { setRlsScope } from './rls';

// Real Postgres on a shared 2-core machine: allow for a loaded host.
jest.setTimeout(30_000);

/** The RLS policy of CONVENTIONS.md, on scratch tables, seen through a NOBYPASSRLS role. */
describe('setRlsScope against a row-level-security policy', () => {
  let postgres: EmbeddedPostgresHandle;
  let app: Pool;
  let runDir: string;

  beforeAll(async () => {
    runDir = mkdtempSync(join(tmpdir(), 'lianxin-rls-'));
    chmodSync(runDir, 0o755);
    postgres = await startEmbeddedPostgres({
      dataDir: join(runDir, 'pg'),
      port: await findFreePort(),
      persistent: false,
      fast: true,
    });
    const admin = new Client({ connectionString: postgres.adminUrl });
    await admin.connect();
    for (const sql of [
      "CREATE ROLE rls_app LOGIN PASSWORD 'rls-app' NOSUPERUSER NOBYPASSRLS",
      'CREATE TABLE members (id int PRIMARY KEY, org_path text NOT NULL)',
      'ALTER TABLE members ENABLE ROW LEVEL SECURITY',
      'ALTER TABLE members FORCE ROW LEVEL SECURITY',
      `CREATE POLICY scope ON members USING (org_path LIKE NULLIF(current_setting('lianxin.scope', true), '') || '%')
         WITH CHECK (org_path LIKE NULLIF(current_setting('lianxin.scope', true), '') || '%')`,
      'GRANT SELECT, INSERT ON members TO rls_app',
      `INSERT INTO members VALUES (1, '/lx/taoyuan/dahe/'), (2, '/lx/taoyuan2/'), (3, '/lx/xishan/zhenzi/')`,
      // The same policy without NULLIF, to show why NULLIF is needed.
      'CREATE TABLE naive (id int PRIMARY KEY, org_path text NOT NULL)',
      'ALTER TABLE naive ENABLE ROW LEVEL SECURITY',
      'ALTER TABLE naive FORCE ROW LEVEL SECURITY',
      "CREATE POLICY scope ON naive USING (org_path LIKE current_setting('lianxin.scope', true) || '%')",
      'GRANT SELECT ON naive TO rls_app',
      `INSERT INTO naive VALUES (1, '/lx/taoyuan/'), (2, '/lx/xishan/')`,
    ]) {
      await admin.query(sql);
    }
    await admin.end();
    app = new Pool({
      connectionString: withCredentials(postgres.adminUrl, 'rls_app', 'rls-app', 'postgres'),
      max: 2,
    });
    app.on('error', () => undefined);
  }, 120_000);

  afterAll(async () => {
    await app?.end();
    await postgres?.stop();
    rmSync(runDir, { recursive: true, force: true });
  });

  async function inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await app.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  const ids = async (client: {
    query(sql: string): Promise<{ rows: { id: number }[] }>;
  }): Promise<number[]> =>
    (await client.query('SELECT id FROM members ORDER BY id')).rows.map((row) => row.id);

  it('shows only rows under the scope, not a sibling whose code shares the prefix', async () => {
    const seen = await inTransaction(async (client) => {
      await setRlsScope(client, '/lx/taoyuan/');
      return ids(client);
    });
    expect(seen).toEqual([1]);
  });

  it('shows nothing when no scope was set', async () => {
    await expect(inTransaction((client) => ids(client))).resolves.toEqual([]);
  });

  it('lasts only one statement outside a transaction, then fails closed', async () => {
    const client = await app.connect();
    try {
      await setRlsScope(client, '/lx/');
      await expect(ids(client)).resolves.toEqual([]);
    } finally {
      client.release();
    }
  });

  it('does not leak into the next transaction on the same connection', async () => {
    const client = await app.connect();
    try {
      await client.query('BEGIN');
      await setRlsScope(client, '/lx/');
      await client.query('COMMIT');
      await client.query('BEGIN');
      await expect(ids(client)).resolves.toEqual([]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  });

  it('needs NULLIF: once a session has set the scope, an unset scope reads as empty, matching every row', async () => {
    const client = await app.connect();
    try {
      await client.query('BEGIN');
      await setRlsScope(client, '/lx/taoyuan/');
      await client.query('COMMIT');
      const naive = await client.query<{ id: number }>('SELECT id FROM naive ORDER BY id');
      expect(naive.rows.map((row) => row.id)).toEqual([1, 2]);
      await expect(ids(client)).resolves.toEqual([]);
    } finally {
      client.release();
    }
  });

  it('rejects writing a row outside the scope', async () => {
    await expect(
      inTransaction(async (client) => {
        await setRlsScope(client, '/lx/taoyuan/');
        await client.query("INSERT INTO members VALUES (4, '/lx/xishan/')");
      }),
    ).rejects.toThrow(/row-level security/);
  });
});
