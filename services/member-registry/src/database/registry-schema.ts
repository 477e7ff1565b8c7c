import { outboxInboxMigrations } from '@lianxin/platform-persistence';
import { HouseholdOrmEntity } from '../households/infrastructure/household.orm-entity';
import { MemberCardOrmEntity } from '../member-cards/infrastructure/member-card.orm-entity';
import { MemberOrmEntity } from '../members/infrastructure/member.orm-entity';
import { OrgUnitOrmEntity } from '../org-units/infrastructure/org-unit.orm-entity';
import { PartyGroupOrmEntity } from '../party-groups/infrastructure/party-group.orm-entity';
import { RegistrySchema1764000000000 } from './migrations/1764000000000-registry-schema';
import { SelectionCancelAndMemberList1764000001000 } from './migrations/1764000001000-selection-cancel-and-member-list';
import { BranchVillageReach1764000002000 } from './migrations/1764000002000-branch-village-reach';

// One list of migrations and entities for the service, the migration CLI and the tests.
export const REGISTRY_MIGRATIONS = [
  ...outboxInboxMigrations,
  RegistrySchema1764000000000,
  SelectionCancelAndMemberList1764000001000,
  BranchVillageReach1764000002000,
];

/**
 * Entities the drift check compares with the migrated schema. Other tables (applications,
 * nominations, audit…) are reached with plain SQL from their repositories.
 */
export const REGISTRY_ENTITIES = [
  OrgUnitOrmEntity,
  MemberOrmEntity,
  HouseholdOrmEntity,
  PartyGroupOrmEntity,
  MemberCardOrmEntity,
];
