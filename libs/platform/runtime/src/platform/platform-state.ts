// <dataDir>/state.json: what the platform has done once and must not do again (demo data loads).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface PlatformState {
  /** Service name → when its demo loader succeeded. */
  demoLoaded: Record<string, string>;
}

export function readPlatformState(dataDir: string): PlatformState {
  const file = join(dataDir, 'state.json');
  if (!existsSync(file)) return { demoLoaded: {} };
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<PlatformState>;
  return { demoLoaded: parsed.demoLoaded ?? {} };
}

export function writePlatformState(dataDir: string, state: PlatformState): void {
  writeFileSync(join(dataDir, 'state.json'), `${JSON.stringify(state, null, 2)}\n`);
}
