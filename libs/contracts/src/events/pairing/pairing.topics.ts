import { DEFAULT_RETENTION_MS, type TopicSpec } from '../../envelope/topic-definition';

export const PAIRING_SOURCE = 'pairing-visits';

// Grassroots days and practical matters get their own topics rather than riding on the visit
// topic: they are separate aggregates with their own ids (a practical matter need not come from a
// visit), so keying them by visit id would be wrong, and analytics counts each stream on its own.
export const PAIRING_TOPICS = {
  pairing: 'lianxin.pairing.pairing.v1',
  visit: 'lianxin.pairing.visit.v1',
  grassrootsDay: 'lianxin.pairing.grassroots-day.v1',
  practicalMatter: 'lianxin.pairing.practical-matter.v1',
  ticket: 'lianxin.pairing.ticket.v1',
  pledge: 'lianxin.pairing.pledge.v1',
  spotCheck: 'lianxin.pairing.spot-check.v1',
} as const;

const base = { owner: PAIRING_SOURCE, retentionMs: DEFAULT_RETENTION_MS, cleanupPolicy: 'delete' } as const;

export const PAIRING_TOPIC_SPECS: readonly TopicSpec[] = [
  {
    ...base,
    name: PAIRING_TOPICS.pairing,
    description: 'Member–household pairings (结对帮扶) and re-pairing tasks that keep coverage complete.',
    key: 'Pairing id for pairing.pairing.created/ended; re-pairing task id for pairing.pairing.repairing-task-opened.',
    partitions: 3,
  },
  {
    ...base,
    name: PAIRING_TOPICS.visit,
    description:
      'Visit diary (民情日志): visits logged, corrected by appended corrections, and confirmed by call-backs.',
    key: 'Visit id (aggregateId).',
    partitions: 6,
  },
  {
    ...base,
    name: PAIRING_TOPICS.grassrootsDay,
    description: 'Days a cadre spent at (or lived in) the grassroots, counted against yearly quotas.',
    key: 'Grassroots day record id (aggregateId).',
    partitions: 3,
  },
  {
    ...base,
    name: PAIRING_TOPICS.practicalMatter,
    description: 'Practical matters done for residents (办实事), counted per member and unit.',
    key: 'Practical matter id (aggregateId).',
    partitions: 3,
  },
  {
    ...base,
    name: PAIRING_TOPICS.ticket,
    description:
      'Public-sentiment tickets (社情民意) from visits, walk-ins, the 96333 hotline and online, through first-inquiry handling to closure.',
    key: 'Ticket id (aggregateId).',
    partitions: 6,
  },
  {
    ...base,
    name: PAIRING_TOPICS.pledge,
    description: 'Public pledges (承诺): made, publicised, progressed, fulfilled and evaluated by residents.',
    key: 'Pledge id (aggregateId).',
    partitions: 3,
  },
  {
    ...base,
    name: PAIRING_TOPICS.spotCheck,
    description: 'Random spot checks of visits (随机抽查) and their phone call-backs (电话回访).',
    key: 'Spot check id (aggregateId).',
    partitions: 3,
  },
];
