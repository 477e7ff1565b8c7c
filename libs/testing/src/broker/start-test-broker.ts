// A dev broker of the suite's own, for fault tests that stop, crash (SIGKILL) and restart it. It is
// a child process through the broker's CLI, so kill -9 is a real crash. Its pid is recorded in the
// run's registries: if the whole run is killed, the next run ends it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  type BrokerProcessHandle,
  ProcessRegistry,
  currentProcessIdentity,
  startBrokerProcess,
} from '@lianxin/platform-runtime';
import { uniqueId } from '../ids';
import { childEnv, testRunDir } from '../config/harness-env';
import { REGISTRIES } from '../infra/run-directory';
import { WORKSPACE_ROOT } from '../infra/workspace-root';

export interface TestBroker {
  /** For kafkajs `brokers`; stays the same across restarts. */
  brokers: string[];
  port: number;
  dataDir: string;
  /** Graceful stop (SIGTERM: the broker flushes and closes). */
  stop(): Promise<void>;
  /** SIGKILL: a crash. */
  kill(): Promise<void>;
  /** Starts again on the same port with the same data (after stop() or kill()). */
  restart(): Promise<void>;
}

export interface StartTestBrokerOptions {
  /** Extra broker CLI flags, e.g. ['--fsync', 'batch']. */
  args?: readonly string[];
  /** Receives the broker's log lines. Default: discarded. */
  log?: (line: string) => void;
}

export async function startTestBroker(options: StartTestBrokerOptions = {}): Promise<TestBroker> {
  const id = uniqueId();
  const runDir = testRunDir();
  const dataDir = join(runDir, `broker-${id}`);
  mkdirSync(join(runDir, REGISTRIES), { recursive: true });
  const registry = new ProcessRegistry(
    join(runDir, REGISTRIES, `broker-${id}.json`),
    currentProcessIdentity(),
  );

  const launch = async (port: number): Promise<BrokerProcessHandle> => {
    const handle = await startBrokerProcess({
      workspaceRoot: WORKSPACE_ROOT,
      dataDir,
      port,
      env: childEnv(),
      log: options.log ?? (() => undefined),
      extraArgs: ['--log-level', 'warn', ...(options.args ?? [])],
      name: `broker-${id}`,
    });
    registry.add('kafka', handle.pid);
    return handle;
  };

  let current: BrokerProcessHandle | undefined = await launch(0);
  const port = current.port;
  const brokers = [current.brokers];
  const down = async (how: 'stop' | 'kill'): Promise<void> => {
    if (!current) return;
    await current[how]();
    registry.remove(current.pid);
    current = undefined;
  };

  return {
    brokers,
    port,
    dataDir,
    stop: () => down('stop'),
    kill: () => down('kill'),
    restart: async () => {
      await down('stop');
      current = await launch(port);
    },
  };
}
