// The services' own building blocks that the journey starts in-process, in one place.
//
// Why relative paths and the lint exceptions: services have no path alias (tsconfig.base.json maps
// only libs/), so a relative path is the only way in, and @nx/enforce-module-boundaries reports any
// relative import into another project, although its depConstraints let type:e2e depend on
// type:app. The exceptions below are for that rule and these lines only. Once the services are
// given aliases, import these by alias and delete the exceptions.

// eslint-disable-next-line @nx/enforce-module-boundaries -- e2e may use apps; services have no alias
export { memberBody } from '../../../services/member-registry/src/test-support/member-fixtures';
// eslint-disable-next-line @nx/enforce-module-boundaries -- e2e may use apps; services have no alias
export {
  ACTORS,
  createRegistryTestApp,
  seedTwoDistricts,
  type RegistryTestApp,
} from '../../../services/member-registry/src/test-support/registry-test-app';
// eslint-disable-next-line @nx/enforce-module-boundaries -- e2e may use apps; services have no alias
export { PAIRING_ENTITIES } from '../../../services/pairing-visits/src/database/entities';
// eslint-disable-next-line @nx/enforce-module-boundaries -- e2e may use apps; services have no alias
export { PAIRING_MIGRATIONS } from '../../../services/pairing-visits/src/database/migrations';
// eslint-disable-next-line @nx/enforce-module-boundaries -- e2e may use apps; services have no alias
export {
  RegistryEventsConsumer,
  registryTopics,
} from '../../../services/pairing-visits/src/projections/api/registry-events.consumer';
