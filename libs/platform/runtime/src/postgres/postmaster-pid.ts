// A postgres started by a parent that was killed with -9 keeps running and keeps its data directory
// locked. postmaster.pid tells us its pid; we only ever touch it when /proc shows that this pid is a
// postgres serving exactly this data directory.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { readProcessArgs } from '../process/process-info';

export function postmasterPidFile(dataDir: string): string {
  return join(dataDir, 'postmaster.pid');
}

/** The pid written on the first line of postmaster.pid, if the file exists. */
export function readPostmasterPid(dataDir: string): number | null {
  const file = postmasterPidFile(dataDir);
  if (!existsSync(file)) return null;
  const pid = Number.parseInt(readFileSync(file, 'utf8').split('\n')[0] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

function samePath(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return a === b;
  }
}

/** True when `pid` is a live postgres postmaster started with `-D <dataDir>`. */
export function isPostmasterFor(pid: number, dataDir: string): boolean {
  const args = readProcessArgs(pid);
  if (!args || !args[0]?.endsWith('postgres')) return false;
  const flag = args.indexOf('-D');
  const dir = flag >= 0 ? args[flag + 1] : undefined;
  return dir !== undefined && samePath(dir, dataDir);
}

/** The pid of the postgres currently serving `dataDir`, or null when none is running. */
export function findRunningPostmaster(dataDir: string): number | null {
  const pid = readPostmasterPid(dataDir);
  return pid !== null && isPostmasterFor(pid, dataDir) ? pid : null;
}
