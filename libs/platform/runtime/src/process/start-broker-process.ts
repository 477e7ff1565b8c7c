// Runs the dev broker (libs/dev-broker) as a child process through its CLI. A child rather than an
// in-process broker: platform libraries may not import the broker (module boundaries), a child can
// be killed with -9 by fault tests, and a broker bug cannot take the launcher down with it. The CLI
// prints one JSON line {"event":"listening",...} on stdout once it accepts connections.
import { type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { PortInUseError } from '../errors';
import { isPortFree } from '../process/ports';
import { childExited, spawnLogged, stopChild } from './spawn-logged';

export interface StartBrokerProcessOptions {
  /** Workspace root: the CLI is libs/dev-broker/src/cli.ts below it. */
  workspaceRoot: string;
  dataDir: string;
  /** 0 lets the broker pick a free port. */
  port: number;
  log: (line: string) => void;
  /** The child's environment (the caller's own, usually): this library reads no environment of its own. */
  env: NodeJS.ProcessEnv;
  /** Extra CLI flags, e.g. ['--fsync', 'batch']. */
  extraArgs?: readonly string[];
  name?: string;
  startTimeoutMs?: number;
}

export interface BrokerProcessHandle {
  host: string;
  port: number;
  /** "host:port" for KAFKA_BROKERS. */
  brokers: string;
  pid: number;
  child: ChildProcess;
  /** SIGTERM (the broker flushes and closes), SIGKILL after a timeout. */
  stop(): Promise<void>;
  /** SIGKILL now: a crash, for fault tests. */
  kill(): Promise<void>;
}

interface ListeningLine {
  event: 'listening';
  host: string;
  port: number;
  brokers: string;
}

function parseListening(line: string): ListeningLine | null {
  if (!line.startsWith('{')) return null;
  try {
    const value = JSON.parse(line) as Partial<ListeningLine>;
    return value.event === 'listening' && typeof value.port === 'number' && typeof value.host === 'string'
      ? {
          event: 'listening',
          host: value.host,
          port: value.port,
          brokers: value.brokers ?? `${value.host}:${value.port}`,
        }
      : null;
  } catch {
    return null;
  }
}

export function brokerCliPath(workspaceRoot: string): string {
  return join(workspaceRoot, 'libs', 'dev-broker', 'src', 'cli.ts');
}

export async function startBrokerProcess(options: StartBrokerProcessOptions): Promise<BrokerProcessHandle> {
  const {
    workspaceRoot,
    dataDir,
    port,
    log,
    env,
    extraArgs = [],
    name = 'kafka',
    startTimeoutMs = 30_000,
  } = options;
  if (port !== 0 && !(await isPortFree(port))) throw new PortInUseError(port, 'dev broker');

  let onListening: (line: ListeningLine) => void = () => undefined;
  const listening = new Promise<ListeningLine>((resolve) => (onListening = resolve));
  const recent: string[] = [];
  const child = spawnLogged({
    name,
    command: process.execPath,
    args: [
      '-r',
      '@swc-node/register',
      brokerCliPath(workspaceRoot),
      '--data',
      dataDir,
      '--port',
      String(port),
      ...extraArgs,
    ],
    cwd: workspaceRoot,
    env,
    log: (line) => {
      recent.push(line);
      if (recent.length > 20) recent.shift();
      log(line);
    },
    onStdoutLine: (line) => {
      const parsed = parseListening(line);
      if (parsed) onListening(parsed);
    },
  });

  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    listening,
    childExited(child).then(() => 'exited' as const),
    new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), startTimeoutMs))),
  ]);
  clearTimeout(timer);
  if (outcome === 'exited' || outcome === 'timeout') {
    await stopChild(child, 2_000);
    const detail = recent.at(-1) ?? outcome;
    throw new Error(`The dev broker did not start on port ${port}: ${detail}`);
  }

  const pid = child.pid ?? -1;
  return {
    host: outcome.host,
    port: outcome.port,
    brokers: outcome.brokers,
    pid,
    child,
    stop: () => stopChild(child, 10_000),
    kill: async () => {
      child.kill('SIGKILL');
      await childExited(child);
    },
  };
}
