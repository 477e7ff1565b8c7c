// Runs in the Jest main process for the whole run and owns the shared components: ONE embedded
// Postgres and ONE dev broker. They start lazily, the first time a worker asks (over a loopback
// HTTP endpoint), so a run of unit tests only never starts them; once started they serve every
// worker until the global teardown stops them.
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import {
  type BrokerProcessHandle,
  type EmbeddedPostgresHandle,
  ProcessRegistry,
  currentProcessIdentity,
  findFreePort,
  startBrokerProcess,
  startEmbeddedPostgres,
} from '@lianxin/platform-runtime';
import { childEnv } from '../config/harness-env';
import { type BrokerInfo, type CoordinatorError, type PostgresInfo } from './infra-protocol';
import { REGISTRIES, reapRunDirectory } from './run-directory';
import { WORKSPACE_ROOT } from './workspace-root';

/** A failed start is not cached: the next request tries again and reports its own error. */
function forgetOnFailure<T>(pending: Promise<T>, forget: () => void): Promise<T> {
  pending.catch(forget);
  return pending;
}

export class InfraCoordinator {
  private server?: Server;
  private postgres?: Promise<EmbeddedPostgresHandle>;
  private broker?: Promise<BrokerProcessHandle>;
  private readonly registry: ProcessRegistry;

  constructor(readonly runDir: string) {
    this.registry = new ProcessRegistry(join(runDir, REGISTRIES, 'run.json'), currentProcessIdentity());
  }

  /** Listens on a free loopback port; returns the base URL for the workers. */
  async listen(): Promise<string> {
    const server = createServer((request, response) => {
      void this.answer(request.url ?? '/').then(({ status, body }) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // Do not keep Jest alive for the coordinator alone.
    server.unref();
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    return `http://127.0.0.1:${port}`;
  }

  private async answer(
    path: string,
  ): Promise<{ status: number; body: PostgresInfo | BrokerInfo | CoordinatorError }> {
    try {
      if (path === '/postgres')
        return { status: 200, body: { adminDatabaseUrl: (await this.ensurePostgres()).adminUrl } };
      if (path === '/broker')
        return { status: 200, body: { kafkaBrokers: [(await this.ensureBroker()).brokers] } };
      return { status: 404, body: { error: `unknown path ${path}` } };
    } catch (error) {
      return { status: 500, body: { error: error instanceof Error ? error.message : String(error) } };
    }
  }

  private ensurePostgres(): Promise<EmbeddedPostgresHandle> {
    this.postgres ??= forgetOnFailure(
      (async () => {
        const handle = await startEmbeddedPostgres({
          dataDir: join(this.runDir, 'postgres'),
          port: await findFreePort(),
          persistent: false,
          fast: true,
        });
        this.registry.add('postgres', handle.pid, 'SIGINT');
        return handle;
      })(),
      () => (this.postgres = undefined),
    );
    return this.postgres;
  }

  private ensureBroker(): Promise<BrokerProcessHandle> {
    this.broker ??= forgetOnFailure(
      (async () => {
        const handle = await startBrokerProcess({
          workspaceRoot: WORKSPACE_ROOT,
          dataDir: join(this.runDir, 'kafka'),
          port: 0,
          log: () => undefined,
          env: childEnv(),
          extraArgs: ['--log-level', 'warn'],
        });
        this.registry.add('kafka', handle.pid);
        return handle;
      })(),
      () => (this.broker = undefined),
    );
    return this.broker;
  }

  /** Stops what was started, ends anything suites left running, removes the run directory. */
  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    const [broker, postgres] = await Promise.allSettled([this.broker, this.postgres]);
    if (broker.status === 'fulfilled' && broker.value) await broker.value.stop();
    if (postgres.status === 'fulfilled' && postgres.value) await postgres.value.stop();
    this.registry.clear();
    await reapRunDirectory(this.runDir);
  }
}
