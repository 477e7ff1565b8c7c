import { outboxInboxMigrations } from '@lianxin/platform-persistence';
import { PairingSchema1763800000000 } from './1763800000000-pairing-schema';

/** Every migration of the service, in order (never edit one once committed; add a new one). */
export const PAIRING_MIGRATIONS = [...outboxInboxMigrations, PairingSchema1763800000000];
