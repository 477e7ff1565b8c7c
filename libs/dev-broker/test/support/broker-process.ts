import { type ChildProcess, spawn } from 'node:child_process';
import * as net from 'node:net';
import * as path from 'node:path';
import * as readline from 'node:readline';

const CLI = path.join(__dirname, '..', '..', 'src', 'cli.ts');

/** The broker as a separate process started through its CLI, so tests can SIGKILL it. */
export interface BrokerProcess {
  readonly port: number;
  readonly brokers: string;
  readonly child: ChildProcess;
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

/**
 * Starts `src/cli.ts` through @swc-node/register (what `npm run broker` does), or a precompiled
 * `cli.js` when `compiledCli` is given (the bench uses that to measure the broker without the
 * TypeScript toolchain's ~100 MB in the process).
 */
export async function spawnBroker(
  dataDir: string,
  port: number,
  extraArgs: string[] = [],
  compiledCli?: string,
): Promise<BrokerProcess> {
  const entry = compiledCli === undefined ? ['-r', '@swc-node/register', CLI] : [compiledCli];
  const child = spawn(
    process.execPath,
    [...entry, '--port', String(port), '--data', dataDir, '--log-level', 'warn', ...extraArgs],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<{ port: number; brokers: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('broker process did not start')), 20_000);
    readline.createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', (line) => {
      clearTimeout(timer);
      resolve(JSON.parse(line) as { port: number; brokers: string });
    });
    child.once('exit', (code) => reject(new Error(`broker process exited with ${code}`)));
  });
  return {
    ...ready,
    child,
    kill9: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
