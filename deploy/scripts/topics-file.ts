import { TOPICS } from '@lianxin/contracts';

/**
 * The chart's view of the topic catalogue: what a Strimzi KafkaTopic needs, nothing more.
 * Generated from libs/contracts so the cluster's topics can't drift from the contracts.
 */
export function renderTopicsFile(): string {
  const topics = TOPICS.map((topic) => ({
    name: topic.name,
    partitions: topic.partitions,
    retentionMs: topic.retentionMs,
    cleanupPolicy: topic.cleanupPolicy,
  }));
  return `${JSON.stringify({ generatedFrom: 'libs/contracts', topics }, null, 2)}\n`;
}

export const TOPICS_FILE = 'deploy/helm/lianxin/files/topics.json';
