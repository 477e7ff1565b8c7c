import * as fs from 'node:fs';
import * as path from 'node:path';
import { ErrorCode, type ErrorCodeValue } from '../protocol/errors';
import { type BrokerLogger } from '../logger';
import { PartitionLog, type LogSettings } from './partition-log';
import { type SyncScheduler } from './sync-policy';

/** Topic-level settings; `retention.ms` / `retention.bytes` from CreateTopics override the broker's. */
export interface TopicDescriptor {
  readonly name: string;
  readonly partitions: number;
  readonly configs: Readonly<Record<string, string>>;
}

export interface Topic extends TopicDescriptor {
  readonly logs: readonly PartitionLog[];
}

const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;
/** Each partition keeps two files open per segment; a cap keeps a bogus request from exhausting fds. */
export const MAX_PARTITIONS = 1000;

/** Kafka's Topic.validate; validated names are also safe as directory names. */
export function isValidTopicName(name: string): boolean {
  return TOPIC_NAME.test(name) && name !== '.' && name !== '..';
}

/**
 * Owns `<dataDir>/topics/<topic>/topic.json` and the partition logs under it: loads them on start,
 * creates and deletes topics.
 */
export class TopicManager {
  private readonly topics = new Map<string, Topic>();
  private readonly root: string;

  constructor(
    dataDir: string,
    private readonly settings: LogSettings,
    private readonly scheduler: SyncScheduler,
    private readonly logger: BrokerLogger,
  ) {
    this.root = path.join(dataDir, 'topics');
    fs.mkdirSync(this.root, { recursive: true });
  }

  load(): void {
    for (const entry of fs.readdirSync(this.root, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const file = path.join(this.root, entry.name, 'topic.json');
      if (!fs.existsSync(file)) continue;
      const descriptor = JSON.parse(fs.readFileSync(file, 'utf8')) as TopicDescriptor;
      if (!isValidTopicName(descriptor.name) || descriptor.name !== entry.name) {
        this.logger.warn(
          `dev-broker: ignoring topic directory ${entry.name} (descriptor names ${descriptor.name})`,
        );
        continue;
      }
      this.topics.set(descriptor.name, this.openTopic(descriptor));
    }
  }

  private openTopic(descriptor: TopicDescriptor): Topic {
    const topicDir = path.join(this.root, descriptor.name);
    const logs: PartitionLog[] = [];
    for (let p = 0; p < descriptor.partitions; p++) {
      logs.push(
        PartitionLog.open(PartitionLog.partitionDir(topicDir, p), this.settings, this.scheduler, this.logger),
      );
    }
    return { ...descriptor, logs };
  }

  get(name: string): Topic | undefined {
    return this.topics.get(name);
  }

  partition(name: string, partition: number): PartitionLog | undefined {
    return this.topics.get(name)?.logs[partition];
  }

  list(): Topic[] {
    return [...this.topics.values()];
  }

  /** Validates and (unless `validateOnly`) creates; topic.json is written last and atomically. */
  create(
    name: string,
    partitions: number,
    configs: Record<string, string>,
    validateOnly = false,
  ): { error: ErrorCodeValue; message: string | null } {
    if (!isValidTopicName(name))
      return { error: ErrorCode.INVALID_TOPIC_EXCEPTION, message: `invalid topic name '${name}'` };
    if (this.topics.has(name))
      return { error: ErrorCode.TOPIC_ALREADY_EXISTS, message: `Topic '${name}' already exists.` };
    if (!Number.isInteger(partitions) || partitions < 1 || partitions > MAX_PARTITIONS) {
      return {
        error: ErrorCode.INVALID_PARTITIONS,
        message: `invalid partition count ${partitions} (1..${MAX_PARTITIONS})`,
      };
    }
    if (validateOnly) return { error: ErrorCode.NONE, message: null };
    const topicDir = path.join(this.root, name);
    // A leftover directory from a crash mid-delete must not resurrect old data.
    fs.rmSync(topicDir, { recursive: true, force: true });
    fs.mkdirSync(topicDir, { recursive: true });
    const descriptor: TopicDescriptor = { name, partitions, configs };
    const tmp = path.join(topicDir, 'topic.json.tmp');
    fs.writeFileSync(tmp, JSON.stringify(descriptor, null, 2));
    fs.renameSync(tmp, path.join(topicDir, 'topic.json'));
    this.topics.set(name, this.openTopic(descriptor));
    this.logger.info(`dev-broker: created topic ${name} with ${partitions} partition(s)`);
    return { error: ErrorCode.NONE, message: null };
  }

  delete(name: string): ErrorCodeValue {
    const topic = this.topics.get(name);
    if (topic === undefined) return ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
    this.topics.delete(name);
    for (const log of topic.logs) log.close();
    fs.rmSync(path.join(this.root, name), { recursive: true, force: true });
    this.logger.info(`dev-broker: deleted topic ${name}`);
    return ErrorCode.NONE;
  }

  maxProducerId(): number {
    let max = -1;
    for (const topic of this.topics.values())
      for (const log of topic.logs) max = Math.max(max, log.producers.maxProducerId());
    return max;
  }

  close(): void {
    for (const topic of this.topics.values()) for (const log of topic.logs) log.close();
    this.topics.clear();
  }
}
