import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  chmodSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { findFreePort } from '../process/ports';
import { isProcessAlive } from '../process/process-info';
import { type RunningPlatform, startPlatform } from './start-platform';
import { launcherEnv } from './test-support/config/launcher-env';

jest.setTimeout(90_000);

const REAL_ROOT = resolve(__dirname, '..', '..', '..', '..', '..');

/** A workspace with one stand-in service, one unfinished service, and the real broker and node_modules. */
function fakeWorkspace(root: string): void {
  symlinkSync(join(REAL_ROOT, 'node_modules'), join(root, 'node_modules'));
  symlinkSync(join(REAL_ROOT, 'libs'), join(root, 'libs'));
  writeFileSync(
    join(root, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'commonjs', target: 'es2022' } }),
  );
  cpSync(join(__dirname, 'fixtures', 'fake-service'), join(root, 'services', 'fake'), { recursive: true });
  mkdirSync(join(root, 'services', 'unfinished'), { recursive: true });
  writeFileSync(
    join(root, 'services', 'unfinished', 'service.json'),
    JSON.stringify({ name: 'unfinished', short: 'unfinished', port: 3998 }),
  );
}

async function countNotes(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM notes');
    return Number(rows[0]?.n);
  } finally {
    await client.end();
  }
}

describe('startPlatform', () => {
  let root: string;
  let platform: RunningPlatform | undefined;
  const logs: string[] = [];

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'lianxin-platform-spec-'));
    chmodSync(root, 0o755);
    fakeWorkspace(root);
  });
  afterAll(async () => {
    await platform?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  async function start(): Promise<RunningPlatform> {
    platform = await startPlatform({
      workspaceRoot: root,
      dataDir: join(root, '.lianxin'),
      reset: false,
      ports: {
        postgres: await findFreePort(),
        broker: await findFreePort(),
        services: { fake: await findFreePort() },
      },
      env: launcherEnv(),
      log: (line) => logs.push(line),
      fastPostgres: true,
    });
    return platform;
  }

  it('provisions, migrates, starts and waits for each service, loads demo data once, and keeps data across restarts', async () => {
    const first = await start();
    expect(first.services.map((service) => service.name)).toEqual(['fake']);
    expect(first.skipped).toEqual([{ name: 'unfinished', reason: 'no src/main.ts yet' }]);
    expect(logs).toContain('[platform] unfinished: skipped — no src/main.ts yet');

    const [fake] = first.services;
    const env = (await (await fetch(fake?.links['Env'] ?? '')).json()) as Record<string, string>;
    expect(new URL(env['DATABASE_URL'] ?? '').username).toBe('fake_app');
    expect(new URL(env['DATABASE_MIGRATION_URL'] ?? '').username).toBe('fake_owner');
    expect(env).toMatchObject({
      PORT: String(fake?.port),
      KAFKA_BROKERS: first.kafka.brokers,
      AUTH_ISSUER: 'lianxin-dev',
    });
    const ownerUrl = env['DATABASE_MIGRATION_URL'] ?? '';
    expect(await countNotes(ownerUrl)).toBe(1);

    const pids = [first.postgres.pid, first.kafka.pid, fake?.pid ?? -1];
    await first.stop();
    platform = undefined;
    expect(pids.filter((pid) => isProcessAlive(pid))).toEqual([]);

    const second = await start();
    expect(await countNotes(ownerUrl.replace(/:\d+\//, `:${second.postgres.port}/`))).toBe(1);
    const state = JSON.parse(readFileSync(join(root, '.lianxin', 'state.json'), 'utf8')) as {
      demoLoaded: object;
    };
    expect(Object.keys(state.demoLoaded)).toEqual(['fake']);
  });

  it('refuses a data directory another live launcher is using, with one line', async () => {
    await expect(
      startPlatform({
        workspaceRoot: root,
        dataDir: join(root, '.lianxin'),
        reset: true,
        env: launcherEnv(),
        log: () => undefined,
      }),
    ).rejects.toThrow(`Lianxin is already running (pid ${process.pid})`);
  });
});
