// Embedded components shared by `npm start` (scripts/start.ts) and the test harness
// (@lianxin/testing). Everything is passed in as parameters: this library never reads the environment.
export { DataDirInUseError, PortInUseError, PostgresStartError } from './errors';
export { postgresUrl, withCredentials } from './postgres/connection-url';
export {
  EMBEDDED_ADMIN_PASSWORD,
  startEmbeddedPostgres,
  type EmbeddedPostgresHandle,
  type StartEmbeddedPostgresOptions,
} from './postgres/start-embedded-postgres';
export {
  devPassword,
  provisionServiceDatabase,
  type ProvisionedDatabase,
  type ProvisionServiceDatabaseOptions,
} from './postgres/provision-service-database';
export { findFreePort, isPortFree } from './process/ports';
export { findRunningPostmaster } from './postgres/postmaster-pid';
export {
  currentProcessIdentity,
  isProcessAlive,
  isSameProcessAlive,
  readProcessArgs,
  readProcessStartTime,
  type ProcessIdentity,
} from './process/process-info';
export { terminateProcess, waitForExit } from './process/signal-and-wait';
export { childExited, spawnLogged, stopChild, type SpawnLoggedOptions } from './process/spawn-logged';
export { waitForHttp, type WaitForHttpOptions } from './process/wait-for-http';
export {
  brokerCliPath,
  startBrokerProcess,
  type BrokerProcessHandle,
  type StartBrokerProcessOptions,
} from './process/start-broker-process';
export {
  ProcessRegistry,
  reapStaleProcesses,
  type ProcessRegistryFile,
  type ReapOutcome,
  type RegisteredProcess,
} from './process/process-registry';
export { PlatformRunningError } from './errors';
export {
  DEFAULT_BROKER_PORT,
  DEFAULT_POSTGRES_PORT,
  startPlatform,
  type RunningPlatform,
  type RunningService,
  type StartPlatformOptions,
} from './platform/start-platform';
export { discoverServices, type DiscoveredService, type ServiceManifest } from './platform/discover-services';
export { DEV_AUTH_AUDIENCE, DEV_AUTH_ISSUER } from './platform/service-env';
export { ensureDevSecrets, type DevSecrets } from './platform/dev-secrets';
export { runToCompletion } from './process/run-to-completion';
