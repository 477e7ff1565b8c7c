// Every test run gets a directory under <tmp>/lianxin-test/ holding its Postgres data, its broker
// data, and registries naming the processes it started (see ProcessRegistry). A run killed with -9
// leaves its directory behind; the next run reaps the processes named there and deletes it.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  findRunningPostmaster,
  isProcessAlive,
  reapStaleProcesses,
  terminateProcess,
} from '@lianxin/platform-runtime';

export const TEST_ROOT = join(tmpdir(), 'lianxin-test');
export const REGISTRIES = 'registries';
/** Set by the global setup for the workers: this run's directory. */

export function createRunDirectory(): string {
  mkdirSync(TEST_ROOT, { recursive: true });
  const dir = mkdtempSync(join(TEST_ROOT, `run-${process.pid}-`));
  // Postgres runs as the `postgres` user when we are root: it must be able to enter the directory.
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, REGISTRIES));
  return dir;
}

/** Every registry file of a run: the run's own, brokers started by suites, platforms started by journeys. */
function registryFiles(runDir: string): string[] {
  const files: string[] = [];
  const registries = join(runDir, REGISTRIES);
  if (existsSync(registries)) {
    for (const name of readdirSync(registries))
      if (name.endsWith('.json')) files.push(join(registries, name));
  }
  for (const entry of readdirSync(runDir, { withFileTypes: true })) {
    const file = join(runDir, entry.name, 'processes.json');
    if (entry.isDirectory() && existsSync(file)) files.push(file);
  }
  return files;
}

/**
 * Ends what a run left behind. Returns false (and touches nothing more) when some owner of the
 * run is still alive: that run is in progress, perhaps in another terminal.
 */
export async function reapRunDirectory(runDir: string): Promise<boolean> {
  for (const file of registryFiles(runDir)) {
    const outcome = await reapStaleProcesses(file);
    if (outcome.kind === 'owner-alive') return false;
  }
  // A postgres started but not yet registered when the run was killed.
  const postmaster = findRunningPostmaster(join(runDir, 'postgres'));
  if (postmaster !== null) await terminateProcess(postmaster, { signal: 'SIGINT' });
  rmSync(runDir, { recursive: true, force: true });
  return true;
}

/** Reaps every finished run under <tmp>/lianxin-test/. Returns the directories removed. */
export async function reapStaleRuns(): Promise<string[]> {
  if (!existsSync(TEST_ROOT)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(TEST_ROOT)) {
    const owner = /^run-(\d+)-/.exec(name);
    // The directory is named after the Jest process that made it; while that lives, it is in use
    // (this also covers the moment before its registry is first written).
    if (!owner || isProcessAlive(Number(owner[1]))) continue;
    const dir = join(TEST_ROOT, name);
    if (await reapRunDirectory(dir)) removed.push(dir);
  }
  return removed;
}
