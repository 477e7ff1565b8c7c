import { type TopicDefinition } from '@lianxin/contracts';
import { type ITopicConfig, type Kafka } from 'kafkajs';

/** Dead letters are kept longer than the topic itself: someone has to look at them. */
const MIN_DLQ_RETENTION_MS = 30 * 24 * 3600 * 1000;

export function topicConfigs(topics: readonly TopicDefinition[]): ITopicConfig[] {
  return topics.flatMap((topic) => [
    {
      topic: topic.name,
      numPartitions: topic.partitions,
      configEntries: [
        { name: 'retention.ms', value: String(topic.retentionMs) },
        { name: 'cleanup.policy', value: topic.cleanupPolicy },
      ],
    },
    {
      topic: topic.dlq,
      numPartitions: topic.partitions,
      configEntries: [
        { name: 'retention.ms', value: String(Math.max(topic.retentionMs, MIN_DLQ_RETENTION_MS)) },
        { name: 'cleanup.policy', value: 'delete' },
      ],
    },
  ]);
}

/**
 * Creates each topic and its `<topic>.dlq` with the catalogue's partitions and retention. Existing
 * topics are left alone (partition changes are an operator's decision: they move keys).
 * Returns the names created.
 */
export async function ensureTopics(kafka: Kafka, topics: readonly TopicDefinition[]): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topicConfigs(topics).filter((config) => !existing.has(config.topic));
    if (missing.length > 0) await admin.createTopics({ topics: missing, waitForLeaders: true });
    return missing.map((config) => config.topic);
  } finally {
    await admin.disconnect();
  }
}
