import { CreateOutboxAndInbox1735689600000 } from './outbox-inbox.migration';
import { OutboxNotifyWhenIdle1735689600100 } from './outbox-notify-when-idle.migration';
import { OutboxWakeCheckOnce1735689600200 } from './outbox-wake-check-once.migration';

/**
 * Spread into a service's own migrations list. Migrations here are never edited once committed;
 * changes arrive as new classes appended to this list, so services pick them up without edits.
 */
export const outboxInboxMigrations = [
  CreateOutboxAndInbox1735689600000,
  OutboxNotifyWhenIdle1735689600100,
  OutboxWakeCheckOnce1735689600200,
] as const;
