import { DAY_MS, type TopicSpec } from '../../envelope/topic-definition';

export const GATEWAY_SOURCE = 'gateway';

export const GATEWAY_TOPICS = {
  audit: 'lianxin.gateway.audit.v1',
} as const;

export const GATEWAY_TOPIC_SPECS: readonly TopicSpec[] = [
  {
    name: GATEWAY_TOPICS.audit,
    owner: GATEWAY_SOURCE,
    description:
      'Audit trail of every write (and sensitive read) through the gateway: who, when, what, from where.',
    key: 'Audit record id (aggregateId): audit records are independent, so keys spread evenly.',
    partitions: 3,
    // Audit records are kept a year so inspections can look back over a full assessment cycle.
    retentionMs: 365 * DAY_MS,
    cleanupPolicy: 'delete',
  },
];
