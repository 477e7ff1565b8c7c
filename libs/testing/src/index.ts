// @lianxin/testing — the harness for integration tests and journeys: one embedded Postgres and one
// dev broker per Jest run (started on first use), a database per suite, unique names, and brokers
// of their own for fault tests. The Jest hooks are in ./jest (wired in jest.preset.js).
export { getTestInfra, type TestInfra } from './infra/test-infra';
export {
  createTestDatabase,
  type CreateTestDatabaseOptions,
  type DataSourceFactoryInput,
  type MigrationClass,
  type TestDatabase,
} from './database/create-test-database';
export { uniqueId, uniqueTopicPrefix } from './ids';
export {
  startTestPlatform,
  type StartTestPlatformOptions,
  type TestPlatform,
} from './platform/start-test-platform';
export { startTestBroker, type StartTestBrokerOptions, type TestBroker } from './broker/start-test-broker';
export { arbitraryFor, fuzzedBody, type ArbitraryHints } from './fuzz/openapi-arbitraries';
export {
  fuzzOpenApiOperations,
  type FuzzOpenApiOptions,
  type FuzzOpenApiResult,
} from './fuzz/fuzz-openapi-operations';
