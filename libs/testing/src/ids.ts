// Names that never collide between suites, workers or parallel runs sharing the Postgres and the
// broker: a time component (sortable, readable in logs) plus randomness.
import { randomBytes } from 'node:crypto';

/** Lower-case [a-z0-9], 16 characters: fits database, role, topic and group names. */
export function uniqueId(): string {
  return Date.now().toString(36).padStart(9, '0') + randomBytes(5).toString('hex').slice(0, 7);
}

/** Prefix for every topic and consumer group a suite creates: `t<id>.` */
export function uniqueTopicPrefix(): string {
  return `t${uniqueId()}.`;
}
