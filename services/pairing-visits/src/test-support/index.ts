// What other projects' tests (tests/: journeys, observability) may use of this service, by the
// alias `@lianxin/pairing-visits/testing`. Production code never imports it.
export { PAIRING_ENTITIES } from '../database/entities';
export { PAIRING_MIGRATIONS } from '../database/migrations';
export { RegistryEventsConsumer, registryTopics } from '../projections/api/registry-events.consumer';
