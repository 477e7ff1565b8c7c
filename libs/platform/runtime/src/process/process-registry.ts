// A small file naming the process that owns a state directory (the launcher, a test run) and the
// processes it started. If the owner is killed with -9 its children keep running; the next owner
// reads the file and ends exactly those processes. A child is only signalled when its pid still
// has the recorded start time (see process-info), so a reused pid is never touched.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type ProcessIdentity, isSameProcessAlive, readProcessStartTime } from './process-info';
import { terminateProcess } from './signal-and-wait';

export interface RegisteredProcess extends ProcessIdentity {
  name: string;
  /** How to ask it to stop: postgres wants SIGINT (fast shutdown), the rest SIGTERM. */
  signal: NodeJS.Signals;
}

export interface ProcessRegistryFile {
  owner: ProcessIdentity;
  children: RegisteredProcess[];
}

export type ReapOutcome =
  { kind: 'none' } | { kind: 'owner-alive'; ownerPid: number } | { kind: 'reaped'; names: string[] };

function read(file: string): ProcessRegistryFile | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ProcessRegistryFile;
  } catch {
    return null; // half-written by a process killed mid-write: nothing we can trust
  }
}

/**
 * Ends the processes recorded in `file` when their owner is gone, then deletes the file.
 * When the owner is still alive nothing is touched and the caller decides (usually: refuse).
 */
export async function reapStaleProcesses(file: string): Promise<ReapOutcome> {
  const registry = read(file);
  if (!registry) {
    rmSync(file, { force: true });
    return { kind: 'none' };
  }
  if (isSameProcessAlive(registry.owner)) {
    return { kind: 'owner-alive', ownerPid: registry.owner.pid };
  }
  const names: string[] = [];
  // Reverse start order: services before the broker and Postgres they use.
  for (const child of [...registry.children].reverse()) {
    if (!isSameProcessAlive(child)) continue;
    await terminateProcess(child.pid, { signal: child.signal, timeoutMs: 10_000 });
    names.push(`${child.name} (pid ${child.pid})`);
  }
  rmSync(file, { force: true });
  return names.length > 0 ? { kind: 'reaped', names } : { kind: 'none' };
}

/** Keeps the registry file current as children start and stop. */
export class ProcessRegistry {
  private readonly children: RegisteredProcess[] = [];

  constructor(
    private readonly file: string,
    private readonly owner: ProcessIdentity,
  ) {
    mkdirSync(dirname(file), { recursive: true });
    this.flush();
  }

  add(name: string, pid: number, signal: NodeJS.Signals = 'SIGTERM'): void {
    this.children.push({ name, pid, startTime: readProcessStartTime(pid), signal });
    this.flush();
  }

  remove(pid: number): void {
    const index = this.children.findIndex((child) => child.pid === pid);
    if (index >= 0) this.children.splice(index, 1);
    this.flush();
  }

  /** Everything stopped cleanly: nothing left to reap. */
  clear(): void {
    rmSync(this.file, { force: true });
  }

  private flush(): void {
    const content: ProcessRegistryFile = { owner: this.owner, children: this.children };
    writeFileSync(this.file, JSON.stringify(content, null, 2));
  }
}
