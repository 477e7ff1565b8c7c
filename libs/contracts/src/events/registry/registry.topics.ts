import { DEFAULT_RETENTION_MS, type TopicSpec } from '../../envelope/topic-definition';

export const REGISTRY_SOURCE = 'member-registry';

export const REGISTRY_TOPICS = {
  orgUnit: 'lianxin.registry.org-unit.v1',
  member: 'lianxin.registry.member.v1',
  household: 'lianxin.registry.household.v1',
  partyGroup: 'lianxin.registry.party-group.v1',
  post: 'lianxin.registry.post.v1',
} as const;

// Every topic keeps history (cleanup `delete`): analytics counts transitions over time, and the
// relay/inbox depend on every event surviving until consumed, which compaction would not promise.
export const REGISTRY_TOPIC_SPECS: readonly TopicSpec[] = [
  {
    name: REGISTRY_TOPICS.orgUnit,
    owner: REGISTRY_SOURCE,
    description: 'Org tree changes: units created, renamed, moved and deactivated.',
    key: 'Org unit id (aggregateId).',
    partitions: 3,
    retentionMs: DEFAULT_RETENTION_MS,
    cleanupPolicy: 'delete',
  },
  {
    name: REGISTRY_TOPICS.member,
    owner: REGISTRY_SOURCE,
    description:
      'Party member roster: registration, non-sensitive updates, transfers, deactivation, member cards.',
    key: 'Member id (aggregateId).',
    partitions: 6,
    retentionMs: DEFAULT_RETENTION_MS,
    cleanupPolicy: 'delete',
  },
  {
    name: REGISTRY_TOPICS.household,
    owner: REGISTRY_SOURCE,
    description:
      'Households served (ids, village, size, needs codes, hardship status, deactivation; never personal data).',
    key: 'Household id (aggregateId).',
    partitions: 6,
    retentionMs: DEFAULT_RETENTION_MS,
    cleanupPolicy: 'delete',
  },
  {
    name: REGISTRY_TOPICS.partyGroup,
    owner: REGISTRY_SOURCE,
    description: 'Party groups (党小组): creation, membership, leaders, monthly activities.',
    key: 'Party group id (aggregateId).',
    partitions: 3,
    retentionMs: DEFAULT_RETENTION_MS,
    cleanupPolicy: 'delete',
  },
  {
    name: REGISTRY_TOPICS.post,
    owner: REGISTRY_SOURCE,
    description: 'Posts with duties (设岗定责): post types and the two-way selection of post holders.',
    key: 'Post type id for registry.post-type.* events; selection id for registry.post-selection.* events.',
    partitions: 3,
    retentionMs: DEFAULT_RETENTION_MS,
    cleanupPolicy: 'delete',
  },
];
