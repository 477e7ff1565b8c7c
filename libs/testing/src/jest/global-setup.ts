// Jest global setup (wired in jest.preset.js): reaps what killed runs left behind, then starts the
// run's coordinator, which starts Postgres and the broker only when a test first asks for them.
// The workers find the coordinator and the run directory through the environment (they are forked
// after this runs and inherit its environment; see config/harness-env.ts).
import './register-workspace-paths';
import { InfraCoordinator } from '../infra/infra-coordinator';
import { publishHarnessEnv } from '../config/harness-env';
import { createRunDirectory, reapStaleRuns } from '../infra/run-directory';

export const COORDINATOR_GLOBAL = Symbol.for('lianxin.testing.coordinator');

export default async function globalSetup(): Promise<void> {
  await reapStaleRuns();
  const coordinator = new InfraCoordinator(createRunDirectory());
  publishHarnessEnv(await coordinator.listen(), coordinator.runDir);
  (globalThis as Record<symbol, unknown>)[COORDINATOR_GLOBAL] = coordinator;
}
