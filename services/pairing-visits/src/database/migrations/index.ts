import { outboxInboxMigrations } from '@lianxin/platform-persistence';
import { PairingSchema1763800000000 } from './1763800000000-pairing-schema';
import { DistrictConfigInheritedRead1763800001000 } from './1763800001000-district-config-inherited-read';
import { IdempotencyKeys1763800002000 } from './1763800002000-idempotency-keys';
import { QuotaTallies1763800003000 } from './1763800003000-quota-tallies';
import { BranchVillageReach1763800004000 } from './1763800004000-branch-village-reach';
import { LogVisitFunction1763800005000 } from './1763800005000-log-visit-function';
import { VillageReachAfterScope1763800006000 } from './1763800006000-village-reach-after-scope';
import { LogVisitsBatchFunction1763800007000 } from './1763800007000-log-visits-batch-function';

/** Every migration of the service, in order (never edit one once committed; add a new one). */
export const PAIRING_MIGRATIONS = [
  ...outboxInboxMigrations,
  PairingSchema1763800000000,
  DistrictConfigInheritedRead1763800001000,
  IdempotencyKeys1763800002000,
  QuotaTallies1763800003000,
  BranchVillageReach1763800004000,
  LogVisitFunction1763800005000,
  VillageReachAfterScope1763800006000,
  LogVisitsBatchFunction1763800007000,
];
