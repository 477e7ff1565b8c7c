// The whole platform on one machine: embedded Postgres, the dev broker, then every service found
// under services/ — database provisioned, migrations run as the owner, process started with the
// common env, /health/ready awaited, demo data loaded once. Used by `npm start` (data kept under
// .lianxin/) and by the journeys in tests/ (temporary data, free ports). stop() leaves nothing
// running; a launcher killed with -9 leaves a registry the next start reaps.
import { type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PlatformRunningError, PortInUseError } from '../errors';
import { provisionServiceDatabase } from '../postgres/provision-service-database';
import { type EmbeddedPostgresHandle, startEmbeddedPostgres } from '../postgres/start-embedded-postgres';
import { isPortFree } from '../process/ports';
import { currentProcessIdentity } from '../process/process-info';
import { ProcessRegistry, reapStaleProcesses } from '../process/process-registry';
import { runToCompletion } from '../process/run-to-completion';
import { spawnLogged, stopChild } from '../process/spawn-logged';
import { type BrokerProcessHandle, startBrokerProcess } from '../process/start-broker-process';
import { waitForHttp } from '../process/wait-for-http';
import { ensureDevSecrets } from './dev-secrets';
import { type DiscoveredService, discoverServices, serviceScript } from './discover-services';
import { readPlatformState, writePlatformState } from './platform-state';
import { serviceEnv } from './service-env';

export const DEFAULT_POSTGRES_PORT = 54329;
export const DEFAULT_BROKER_PORT = 19092;

export interface StartPlatformOptions {
  /** Where services/ and libs/dev-broker are. */
  workspaceRoot: string;
  /** Absolute. Postgres data in <dataDir>/postgres, broker data in <dataDir>/kafka. */
  dataDir: string;
  /** Delete the data directory first (refused while another launcher uses it). */
  reset: boolean;
  /** Defaults: Postgres 54329, broker 19092, each service its service.json port. */
  ports?: { postgres?: number; broker?: number; services?: Readonly<Record<string, number>> };
  /** Names of the services to start; default: every service discovered. */
  services?: readonly string[];
  /** Base environment for child processes (PATH…); the launcher passes its own. */
  env: NodeJS.ProcessEnv;
  /** Every line: the platform's own messages and the children's prefixed output. */
  log: (line: string) => void;
  logLevel?: string;
  /** Postgres durability off (journeys). */
  fastPostgres?: boolean;
  /** Load demo data once per data directory (default true). */
  demoData?: boolean;
  readyTimeoutMs?: number;
}

export interface RunningService {
  name: string;
  short: string;
  port: number;
  url: string;
  /** Label → absolute URL, from service.json `links`. */
  links: Record<string, string>;
  pid: number;
}

export interface RunningPlatform {
  dataDir: string;
  postgres: { adminUrl: string; port: number; pid: number };
  kafka: { brokers: string; pid: number };
  services: RunningService[];
  /** Discovered but not started, with the reason (e.g. no src/main.ts yet). */
  skipped: Array<{ name: string; reason: string }>;
  stop(): Promise<void>;
}

const NODE_TS = ['-r', '@swc-node/register'];

function prepareDataDir(dataDir: string, reset: boolean): void {
  if (reset) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  // Postgres runs as the `postgres` user when we are root: it must be able to enter the directory.
  chmodSync(dataDir, 0o755);
}

async function assertPortsFree(entries: ReadonlyArray<[string, number]>): Promise<void> {
  for (const [component, port] of entries) {
    if (!(await isPortFree(port))) throw new PortInUseError(port, component);
  }
}

/** Everything started so far, stopped in reverse order whether startup finished or not. */
class StartedComponents {
  postgres?: EmbeddedPostgresHandle;
  broker?: BrokerProcessHandle;
  readonly services: Array<{ name: string; child: ChildProcess }> = [];
  stopping = false;

  constructor(private readonly registry: ProcessRegistry) {}

  async stopAll(log: (line: string) => void): Promise<void> {
    this.stopping = true;
    await Promise.all(
      this.services.map(async ({ name, child }) => {
        await stopChild(child, 10_000);
        log(`[platform] ${name} stopped`);
      }),
    );
    await this.broker?.stop();
    await this.postgres?.stop();
    this.registry.clear();
  }
}

export async function startPlatform(options: StartPlatformOptions): Promise<RunningPlatform> {
  const { workspaceRoot, dataDir, log, env } = options;
  const registryFile = join(dataDir, 'processes.json');
  // Before anything else (and before --reset deletes anything): is another launcher using dataDir?
  if (existsSync(registryFile)) {
    const outcome = await reapStaleProcesses(registryFile);
    if (outcome.kind === 'owner-alive') throw new PlatformRunningError(outcome.ownerPid, dataDir);
    if (outcome.kind === 'reaped')
      log(`[platform] ended processes left by a killed launcher: ${outcome.names.join(', ')}`);
  }
  prepareDataDir(dataDir, options.reset);

  const discovered = discoverServices(workspaceRoot).filter(
    (service) => !options.services || options.services.includes(service.name),
  );
  const skipped = discovered
    .filter((service) => !service.runnable)
    .map((service) => ({ name: service.name, reason: 'no src/main.ts yet' }));
  for (const { name, reason } of skipped) log(`[platform] ${name}: skipped — ${reason}`);
  const runnable = discovered.filter((service) => service.runnable);

  const ports = new Map<DiscoveredService, number>(
    discovered.map((service) => [service, options.ports?.services?.[service.name] ?? service.port]),
  );
  const postgresPort = options.ports?.postgres ?? DEFAULT_POSTGRES_PORT;
  const brokerPort = options.ports?.broker ?? DEFAULT_BROKER_PORT;
  await assertPortsFree([
    ['Postgres', postgresPort],
    ['dev broker', brokerPort],
    ...runnable.map((service): [string, number] => [service.name, ports.get(service) ?? service.port]),
  ]);

  const registry = new ProcessRegistry(registryFile, currentProcessIdentity());
  const started = new StartedComponents(registry);
  try {
    const secrets = ensureDevSecrets(dataDir);
    started.postgres = await startEmbeddedPostgres({
      dataDir: join(dataDir, 'postgres'),
      port: postgresPort,
      persistent: true,
      fast: options.fastPostgres ?? false,
      log: (line) => log(`[postgres] ${line}`),
    });
    registry.add('postgres', started.postgres.pid, 'SIGINT');
    log(`[platform] Postgres ready on 127.0.0.1:${postgresPort}`);

    started.broker = await startBrokerProcess({
      workspaceRoot,
      dataDir: join(dataDir, 'kafka'),
      port: brokerPort,
      env,
      log,
    });
    registry.add('kafka', started.broker.pid);
    log(`[platform] dev broker ready on ${started.broker.brokers}`);

    const adminUrl = started.postgres.adminUrl;
    const envs = new Map<DiscoveredService, NodeJS.ProcessEnv>();
    for (const service of runnable) {
      const database = service.database
        ? await provisionServiceDatabase(adminUrl, { database: service.database, short: service.short })
        : undefined;
      const childEnv = serviceEnv({
        base: env,
        service,
        port: ports.get(service) ?? service.port,
        database,
        kafkaBrokers: started.broker.brokers,
        secrets,
        logLevel: options.logLevel ?? 'info',
        ports,
      });
      envs.set(service, childEnv);
      if (service.hasMigrations) {
        log(`[platform] ${service.name}: running migrations`);
        await runToCompletion({
          name: `${service.name}:migrate`,
          command: process.execPath,
          args: [...NODE_TS, serviceScript(service, 'migrate')],
          cwd: workspaceRoot,
          env: childEnv,
          log,
        });
      }
    }

    const running = await Promise.all(
      runnable.map(async (service): Promise<RunningService> => {
        const port = ports.get(service) ?? service.port;
        const child = spawnLogged({
          name: service.name,
          command: process.execPath,
          args: [...NODE_TS, serviceScript(service, 'main')],
          cwd: workspaceRoot,
          env: envs.get(service) ?? env,
          log,
        });
        started.services.push({ name: service.name, child });
        child.once('exit', (code, signal) => {
          if (!started.stopping)
            log(`[platform] ${service.name} exited (${signal ?? `code ${String(code)}`})`);
        });
        if (child.pid !== undefined) registry.add(service.name, child.pid);
        const url = `http://127.0.0.1:${port}`;
        await waitForHttp(`${url}/health/ready`, { child, timeoutMs: options.readyTimeoutMs ?? 120_000 });
        log(`[platform] ${service.name} ready on ${url}`);
        const links = Object.fromEntries(
          Object.entries(service.links ?? {}).map(([label, path]) => [label, url + path]),
        );
        return { name: service.name, short: service.short, port, url, links, pid: child.pid ?? -1 };
      }),
    );

    if (options.demoData ?? true) {
      const state = readPlatformState(dataDir);
      for (const service of runnable.filter((candidate) => candidate.hasDemoLoader)) {
        if (state.demoLoaded[service.name]) continue;
        log(`[platform] ${service.name}: loading demo data (once)`);
        await runToCompletion({
          name: `${service.name}:demo`,
          command: process.execPath,
          args: [...NODE_TS, serviceScript(service, 'demo')],
          cwd: workspaceRoot,
          env: envs.get(service) ?? env,
          log,
        });
        state.demoLoaded[service.name] = new Date().toISOString();
        writePlatformState(dataDir, state);
      }
    }

    let stopping: Promise<void> | undefined;
    return {
      dataDir,
      postgres: { adminUrl, port: postgresPort, pid: started.postgres.pid },
      kafka: { brokers: started.broker.brokers, pid: started.broker.pid },
      services: running,
      skipped,
      stop: () => (stopping ??= started.stopAll(log)),
    };
  } catch (error) {
    await started.stopAll(log);
    throw error;
  }
}
