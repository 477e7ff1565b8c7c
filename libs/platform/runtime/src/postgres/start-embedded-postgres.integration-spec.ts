import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataDirInUseError, PortInUseError } from '../errors';
import { findFreePort } from '../process/ports';
import { isProcessAlive } from '../process/process-info';
import { provisionServiceDatabase } from './provision-service-database';
import { startEmbeddedPostgres } from './start-embedded-postgres';

jest.setTimeout(60_000);

async function query(url: string, sql: string): Promise<Array<Record<string, unknown>>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Record<string, unknown>>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('startEmbeddedPostgres', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'lianxin-runtime-spec-'));
    chmodSync(root, 0o755); // postgres runs as the postgres user when we are root
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('initialises a new data directory, serves SQL, keeps data across a restart and stops cleanly', async () => {
    const dataDir = join(root, 'pg');
    const port = await findFreePort();
    const first = await startEmbeddedPostgres({ dataDir, port, persistent: true, fast: true });
    await query(first.adminUrl, 'CREATE TABLE kept (id int); INSERT INTO kept VALUES (7)');
    await first.stop();
    expect(isProcessAlive(first.pid)).toBe(false);

    const second = await startEmbeddedPostgres({ dataDir, port, persistent: false, fast: true });
    try {
      expect(await query(second.adminUrl, 'SELECT id FROM kept')).toEqual([{ id: 7 }]);
      expect(await query(second.adminUrl, 'SHOW fsync')).toEqual([{ fsync: 'off' }]);
    } finally {
      await second.stop();
    }
  });

  it('reaps a postgres left running by a parent killed with -9', async () => {
    const dataDir = join(root, 'pg');
    const port = await findFreePort();
    // A throw-away node process starts postgres and is then killed with SIGKILL.
    const script = `
      require('@swc-node/register');
      const { startEmbeddedPostgres } = require(${JSON.stringify(join(__dirname, 'start-embedded-postgres.ts'))});
      startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port}, persistent: true, fast: true })
        .then((pg) => console.log('PID ' + pg.pid));`;
    const parent = spawn(process.execPath, ['-e', script], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const orphanPid = await new Promise<number>((resolve, reject) => {
      let errors = '';
      parent.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
      parent.once('exit', () => reject(new Error(`helper exited: ${errors}`)));
      parent.stdout.on('data', (chunk: Buffer) => {
        const match = /PID (\d+)/.exec(chunk.toString());
        if (match?.[1]) resolve(Number(match[1]));
      });
    });
    parent.kill('SIGKILL');
    await new Promise((resolve) => parent.once('exit', resolve));
    expect(isProcessAlive(orphanPid)).toBe(true);

    const pg = await startEmbeddedPostgres({ dataDir, port, persistent: false, fast: true });
    try {
      expect(isProcessAlive(orphanPid)).toBe(false);
      expect(await query(pg.adminUrl, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await pg.stop();
    }
  });

  it('refuses a data directory whose owner is alive, and a busy port, with one-line messages', async () => {
    const dataDir = join(root, 'pg');
    const port = await findFreePort();
    const pg = await startEmbeddedPostgres({ dataDir, port, persistent: false, fast: true });
    try {
      await expect(startEmbeddedPostgres({ dataDir, port, persistent: true })).rejects.toBeInstanceOf(
        DataDirInUseError,
      );
      const other = startEmbeddedPostgres({ dataDir: join(root, 'other'), port, persistent: false });
      await expect(other).rejects.toBeInstanceOf(PortInUseError);
      await expect(other).rejects.toThrow(`Port ${port} (Postgres) is already in use`);
    } finally {
      await pg.stop();
    }
  });
});

describe('provisionServiceDatabase', () => {
  it('creates the database with an owner and an RLS-bound app role, idempotently', async () => {
    const root = mkdtempSync(join(tmpdir(), 'lianxin-runtime-spec-'));
    chmodSync(root, 0o755);
    const pg = await startEmbeddedPostgres({
      dataDir: join(root, 'pg'),
      port: await findFreePort(),
      persistent: false,
      fast: true,
    });
    try {
      const first = await provisionServiceDatabase(pg.adminUrl, { database: 'lianxin_demo', short: 'demo' });
      const again = await provisionServiceDatabase(pg.adminUrl, { database: 'lianxin_demo', short: 'demo' });
      expect(again).toEqual(first);

      await query(first.ownerUrl, 'CREATE TABLE notes (id int, org_path text)');
      await query(first.appUrl, "INSERT INTO notes VALUES (1, '/lx/')");
      expect(await query(first.appUrl, 'SELECT id FROM notes')).toEqual([{ id: 1 }]);
      await expect(query(first.appUrl, 'CREATE TABLE nope (id int)')).rejects.toThrow(/permission denied/);
      await expect(query(first.appUrl, 'DROP TABLE notes')).rejects.toThrow(/must be owner/);
      expect(
        await query(pg.adminUrl, "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'demo_app'"),
      ).toEqual([{ rolsuper: false, rolbypassrls: false }]);
    } finally {
      await pg.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
