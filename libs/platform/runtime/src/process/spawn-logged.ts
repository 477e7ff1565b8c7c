// Child processes whose output reaches the caller line by line with a name prefix, so the output of
// several services interleaved in one terminal stays readable ("[member-registry] …").
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface SpawnLoggedOptions {
  /** Prefix for every output line. */
  name: string;
  command: string;
  args: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Receives each output line, already prefixed. */
  log: (line: string) => void;
  /** Also called with each stdout line, unprefixed (e.g. to read a "listening" message). */
  onStdoutLine?: (line: string) => void;
}

export function spawnLogged(options: SpawnLoggedOptions): ChildProcess {
  const child = spawn(options.command, [...options.args], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `[${options.name}] `;
  if (child.stdout) {
    createInterface({ input: child.stdout }).on('line', (line) => {
      options.onStdoutLine?.(line);
      options.log(prefix + line);
    });
  }
  if (child.stderr) createInterface({ input: child.stderr }).on('line', (line) => options.log(prefix + line));
  return child;
}

/** Resolves when the child has exited (immediately if it already has). */
export function childExited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** SIGTERM, then SIGKILL when the child has not exited within `timeoutMs`. */
export async function stopChild(child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  const exited = childExited(child);
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const outcome = await Promise.race([exited.then(() => 'exited' as const), timedOut]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}
