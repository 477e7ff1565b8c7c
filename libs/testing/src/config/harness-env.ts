// The harness's only contact with the environment. Jest's global setup publishes where the run's
// coordinator and run directory are; the workers (forked afterwards, inheriting process.env) and
// the child processes they start read them back from here.
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const COORDINATOR_ENV = 'LIANXIN_TEST_COORDINATOR';
export const RUN_DIR_ENV = 'LIANXIN_TEST_RUN_DIR';

/** Called once by the global setup, before Jest forks its workers. */
export function publishHarnessEnv(coordinatorUrl: string, runDir: string): void {
  process.env[COORDINATOR_ENV] = coordinatorUrl;
  process.env[RUN_DIR_ENV] = runDir;
}

export function coordinatorUrl(): string | undefined {
  return process.env[COORDINATOR_ENV];
}

/** The run's directory, or a shared ad-hoc one when a file runs outside the workspace Jest config. */
export function testRunDir(): string {
  return process.env[RUN_DIR_ENV] ?? join(tmpdir(), 'lianxin-test-adhoc');
}

/** What child processes started by the harness inherit: this process's environment. */
export function childEnv(): NodeJS.ProcessEnv {
  return process.env;
}
