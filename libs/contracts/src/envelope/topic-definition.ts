import { type EventDefinition } from './event-definition';

export type CleanupPolicy = 'delete' | 'compact';

/** What a service declares about one of its topics; the catalogue adds the events. */
export interface TopicSpec {
  /** `lianxin.<service>.<aggregate>.v<major>`. */
  readonly name: string;
  /** Service that owns and publishes the topic (the `source` of its envelopes). */
  readonly owner: string;
  readonly description: string;
  /** What the message key is; always the aggregate id, so one aggregate's events stay ordered. */
  readonly key: string;
  readonly partitions: number;
  readonly retentionMs: number;
  readonly cleanupPolicy: CleanupPolicy;
}

export interface TopicDefinition extends TopicSpec {
  /** Dead-letter topic: `<name>.dlq`. */
  readonly dlq: string;
  readonly events: readonly EventDefinition[];
}

export const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_RETENTION_MS = 30 * DAY_MS;

export const TOPIC_NAME_PATTERN = /^lianxin\.[a-z][a-z-]*\.[a-z][a-z-]*\.v[1-9][0-9]*$/;

export function dlqName(topic: string): string {
  return `${topic}.dlq`;
}
