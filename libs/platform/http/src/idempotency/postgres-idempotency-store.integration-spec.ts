import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { findFreePort, startEmbeddedPostgres, type EmbeddedPostgresHandle } from '@lianxin/platform-runtime';
import {
  createIdempotencyTableSql,
  dropIdempotencyTableSql,
  PostgresIdempotencyStore,
} from './postgres-idempotency-store';

// Real Postgres on a shared 2-core machine: allow for a loaded host.
jest.setTimeout(30_000);

describe('PostgresIdempotencyStore', () => {
  let postgres: EmbeddedPostgresHandle;
  let pool: Pool;
  let store: PostgresIdempotencyStore;
  let runDir: string;
  const scope = (key: string) => ({ key, actorId: 'actor-1', route: 'POST /api/v1/pledges' });

  beforeAll(async () => {
    // mkdtemp creates 0700; postgres runs as its own user when we are root and must traverse it.
    runDir = mkdtempSync(join(tmpdir(), 'lianxin-idempotency-'));
    chmodSync(runDir, 0o755);
    postgres = await startEmbeddedPostgres({
      dataDir: join(runDir, 'pg'),
      port: await findFreePort(),
      persistent: false,
      fast: true,
    });
    pool = new Pool({ connectionString: postgres.adminUrl, max: 4 });
    // The cluster stops right after the pool ends; a backend's late "terminating connection" must
    // not surface as an unhandled pool error in whichever test file runs next.
    pool.on('error', () => undefined);
    for (const sql of createIdempotencyTableSql()) await pool.query(sql);
    store = new PostgresIdempotencyStore(pool);
  }, 120_000);

  afterAll(async () => {
    for (const sql of dropIdempotencyTableSql()) await pool?.query(sql);
    await pool?.end();
    await postgres?.stop();
    rmSync(runDir, { recursive: true, force: true });
  });

  it('claims a new key once, then returns the stored response', async () => {
    await expect(store.claim(scope('k1'), 'hash-1', 60)).resolves.toEqual({ kind: 'claimed' });
    await expect(store.claim(scope('k1'), 'hash-1', 60)).resolves.toEqual({
      kind: 'existing',
      requestHash: 'hash-1',
      response: null,
    });
    await store.complete(scope('k1'), { statusCode: 201, body: { id: 'p-1', tags: ['a'] } });
    await expect(store.claim(scope('k1'), 'hash-1', 60)).resolves.toEqual({
      kind: 'existing',
      requestHash: 'hash-1',
      response: { statusCode: 201, body: { id: 'p-1', tags: ['a'] } },
    });
  });

  it('lets exactly one of many concurrent claims win', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => store.claim(scope('k2'), 'h', 60)));
    expect(results.filter((result) => result.kind === 'claimed')).toHaveLength(1);
  });

  it('keeps keys of different actors and routes apart', async () => {
    await store.claim(scope('k3'), 'h', 60);
    await expect(store.claim({ ...scope('k3'), actorId: 'actor-2' }, 'h', 60)).resolves.toEqual({
      kind: 'claimed',
    });
    await expect(store.claim({ ...scope('k3'), route: 'POST /api/v1/visits' }, 'h', 60)).resolves.toEqual({
      kind: 'claimed',
    });
  });

  it('releases an unfinished claim but never a completed one', async () => {
    await store.claim(scope('k4'), 'h', 60);
    await store.release(scope('k4'));
    await expect(store.claim(scope('k4'), 'h', 60)).resolves.toEqual({ kind: 'claimed' });
    await store.complete(scope('k4'), { statusCode: 201, body: null });
    await store.release(scope('k4'));
    await expect(store.claim(scope('k4'), 'h', 60)).resolves.toMatchObject({ kind: 'existing' });
  });

  it('treats an expired record as new', async () => {
    await store.claim(scope('k5'), 'old', 0);
    await store.complete(scope('k5'), { statusCode: 201, body: { id: 'old' } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(store.claim(scope('k5'), 'new', 60)).resolves.toEqual({ kind: 'claimed' });
    await store.purgeExpired();
  });
});
