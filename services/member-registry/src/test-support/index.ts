// What other projects' tests (tests/: journeys, observability) may use of this service, by the
// alias `@lianxin/member-registry/testing`. Production code never imports it.
export { memberBody } from './member-fixtures';
export { ACTORS, createRegistryTestApp, seedTwoDistricts, type RegistryTestApp } from './registry-test-app';
