import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { startBroker, type BrokerOptions, type RunningBroker } from '../../src';
import { type BrokerLogger } from '../../src/logger';

/** Log lines the broker wrote during a test, so tests can assert on "logs one line". */
export class CollectingLogger implements BrokerLogger {
  readonly lines: { level: string; message: string }[] = [];
  debug(message: string): void {
    this.lines.push({ level: 'debug', message });
  }
  info(message: string): void {
    this.lines.push({ level: 'info', message });
  }
  warn(message: string): void {
    this.lines.push({ level: 'warn', message });
  }
  error(message: string): void {
    this.lines.push({ level: 'error', message });
  }
}

const createdDirs: string[] = [];

/** A fresh directory, removed after the test file's last test (after its brokers have stopped). */
export function tempDir(prefix = 'dev-broker-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  createdDirs.push(dir);
  return dir;
}

// Registered when a test file imports this module, so it runs after that file's own afterAll hooks.
afterAll(() => {
  for (const dir of createdDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export async function startTestBroker(
  overrides: Partial<BrokerOptions> = {},
): Promise<RunningBroker & { logger: CollectingLogger }> {
  const logger = new CollectingLogger();
  const broker = await startBroker({ port: 0, dataDir: tempDir(), logger, ...overrides });
  return Object.assign(broker, { logger });
}

export function kafkaFor(brokers: string, clientId = 'test'): Kafka {
  return new Kafka({
    brokers: [brokers],
    clientId,
    logLevel: logLevel.NOTHING,
    retry: { retries: 8, initialRetryTime: 100 },
  });
}

/** A unique name per test so tests never share topics or groups. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Polls `check` until it returns true (for asynchronous outcomes such as rebalances). */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}
