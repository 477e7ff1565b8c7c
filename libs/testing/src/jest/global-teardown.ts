// Jest global teardown: stops the run's Postgres and broker (if they were started), ends anything a
// suite left running, and deletes the run directory.
import { type InfraCoordinator } from '../infra/infra-coordinator';
import { COORDINATOR_GLOBAL } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const coordinator = (globalThis as Record<symbol, unknown>)[COORDINATOR_GLOBAL] as
    InfraCoordinator | undefined;
  await coordinator?.stop();
}
