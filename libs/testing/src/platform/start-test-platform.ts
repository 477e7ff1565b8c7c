// The whole platform for a cross-service journey (tests/): startPlatform on a fresh directory inside
// the run directory (so a killed run is reaped with it), free ports for everything, Postgres in
// fast mode. Output is collected rather than printed; `logs` helps when a journey fails.
import { chmodSync, mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import {
  type RunningPlatform,
  discoverServices,
  findFreePort,
  startPlatform,
} from '@lianxin/platform-runtime';
import { childEnv, testRunDir } from '../config/harness-env';
import { WORKSPACE_ROOT } from '../infra/workspace-root';

export interface StartTestPlatformOptions {
  /** Service names to start; default: all discovered. */
  services?: readonly string[];
  /** Also receive every line (default: collected only). */
  log?: (line: string) => void;
  /** LOG_LEVEL of the services. Default 'warn'. */
  logLevel?: string;
  /** Run the demo loaders. Default false: journeys create their own tenants and ids. */
  demoData?: boolean;
}

export interface TestPlatform extends RunningPlatform {
  /** Every line the platform and its processes printed, oldest first. */
  logs: string[];
}

function freshDataDir(): string {
  const runDir = testRunDir();
  mkdirSync(runDir, { recursive: true });
  const dir = mkdtempSync(join(runDir, 'platform-'));
  chmodSync(dir, 0o755); // postgres runs as the postgres user when we are root
  return dir;
}

/** `count` distinct free ports (the kernel may hand out the same free port twice in a row). */
async function distinctFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await findFreePort());
  return [...ports];
}

export async function startTestPlatform(options: StartTestPlatformOptions = {}): Promise<TestPlatform> {
  const discovered = discoverServices(WORKSPACE_ROOT);
  const [postgres = 0, broker = 0, ...servicePorts] = await distinctFreePorts(discovered.length + 2);
  const services = Object.fromEntries(
    discovered.map((service, index) => [service.name, servicePorts[index] ?? 0]),
  );
  const logs: string[] = [];
  const platform = await startPlatform({
    workspaceRoot: WORKSPACE_ROOT,
    dataDir: freshDataDir(),
    reset: false,
    ports: { postgres, broker, services },
    services: options.services,
    env: childEnv(),
    log: (line) => {
      logs.push(line);
      options.log?.(line);
    },
    logLevel: options.logLevel ?? 'warn',
    fastPostgres: true,
    demoData: options.demoData ?? false,
  }).catch((error: unknown) => {
    // startPlatform has stopped whatever it started; keep the output that explains the failure.
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\n--- last platform output ---\n${logs.slice(-40).join('\n')}`);
  });
  return { ...platform, logs };
}
