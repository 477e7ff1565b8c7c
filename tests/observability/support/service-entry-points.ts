// The services' own building blocks that the journey starts in-process, in one place: each
// service's test-support entry point (tests may depend on apps; production code never does).
export {
  ACTORS,
  createRegistryTestApp,
  memberBody,
  seedTwoDistricts,
  type RegistryTestApp,
} from '@lianxin/member-registry/testing';
export {
  PAIRING_ENTITIES,
  PAIRING_MIGRATIONS,
  RegistryEventsConsumer,
  registryTopics,
} from '@lianxin/pairing-visits/testing';
