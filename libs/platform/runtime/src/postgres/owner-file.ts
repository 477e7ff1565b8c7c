// Records which process (launcher or test run) started the postgres in a data directory. On the
// next start it tells a live second launcher (refuse: "already running") from a parent that was
// killed -9 and left its postgres behind (reap it). The file lives inside the data directory.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ProcessIdentity } from '../process/process-info';

const OWNER_FILE = 'lianxin-owner.json';

export function readOwner(dataDir: string): ProcessIdentity | null {
  const file = join(dataDir, OWNER_FILE);
  if (!existsSync(file)) return null;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<ProcessIdentity>;
    if (typeof parsed.pid !== 'number') return null;
    return { pid: parsed.pid, startTime: typeof parsed.startTime === 'string' ? parsed.startTime : null };
  } catch {
    return null;
  }
}

export function writeOwner(dataDir: string, owner: ProcessIdentity): void {
  writeFileSync(join(dataDir, OWNER_FILE), JSON.stringify(owner));
}

export function removeOwner(dataDir: string): void {
  rmSync(join(dataDir, OWNER_FILE), { force: true });
}
