// What we may know about another process before touching it. Reaping must never signal a process
// that merely reuses an old pid, so every decision checks the command line (and, for owners, the
// start time) through /proc. On systems without /proc these return null and nothing is reaped.
import { readFileSync } from 'node:fs';

export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive but owned by someone else (e.g. the postgres user) — still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** argv of a live process, or null when it is gone or unreadable. */
export function readProcessArgs(pid: number): string[] | null {
  try {
    const raw = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (raw.length === 0) return null; // zombie or kernel thread
    return raw.split('\0').filter((part) => part.length > 0);
  } catch {
    return null;
  }
}

/**
 * The process's start time in clock ticks since boot (field 22 of /proc/<pid>/stat). A pid plus
 * its start time names one process for good, even after the pid is reused.
 */
export function readProcessStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses: split after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

export interface ProcessIdentity {
  pid: number;
  startTime: string | null;
}

export function currentProcessIdentity(): ProcessIdentity {
  return { pid: process.pid, startTime: readProcessStartTime(process.pid) };
}

/** True when the process recorded earlier is still the one running under that pid. */
export function isSameProcessAlive(identity: ProcessIdentity): boolean {
  if (!isProcessAlive(identity.pid)) return false;
  if (identity.startTime === null) return true;
  return readProcessStartTime(identity.pid) === identity.startTime;
}
