import { type BrokerLogger, type LogLevel, createConsoleLogger } from './logger';
import { type FsyncPolicy } from './storage/sync-policy';

/** Every option of the broker; the README documents each one. */
export interface BrokerOptions {
  /** TCP port; 0 picks a free one (read it back from the result). Default 9092. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  /** Host written into Metadata/FindCoordinator. Default: `host`, or 127.0.0.1 when `host` is a wildcard. */
  advertisedHost?: string;
  /** Where topics, committed offsets and metadata live. Required. */
  dataDir: string;
  /** Create unknown topics on Metadata requests (what Kafka's auto.create.topics.enable does). Default true. */
  autoCreateTopics?: boolean;
  /** Partitions of auto-created topics and of CreateTopics with -1. Default 1. */
  defaultPartitions?: number;
  /** Largest request frame accepted; bigger size prefixes close the connection. Default 100 MiB. */
  maxFrameBytes?: number;
  /** Largest record batch accepted (Kafka message.max.bytes). Default 1048588. */
  maxBatchBytes?: number;
  /** When appends are fsynced: 'batch' (before each acknowledgement) or { intervalMs }. Default { intervalMs: 1000 }. */
  fsync?: FsyncPolicy;
  /** Segment size at which a new segment file is started. Default 64 MiB. */
  segmentBytes?: number;
  /** Bytes of log between offset-index entries. Default 4096. */
  indexIntervalBytes?: number;
  /** Delete segments whose newest record is older than this; -1 keeps forever. Default 7 days. Per topic: `retention.ms`. */
  retentionMs?: number;
  /** Delete oldest segments while a partition is larger than this; -1 = no limit. Default -1. Per topic: `retention.bytes`. */
  retentionBytes?: number;
  /** How often retention runs. Default 60000. */
  retentionCheckIntervalMs?: number;
  /** Wait before the first rebalance of an empty group (Kafka's default is 3000). Default 0. */
  groupInitialRebalanceDelayMs?: number;
  /** Accepted consumer session timeouts (Kafka's defaults). Default 6000 / 1800000. */
  groupMinSessionTimeoutMs?: number;
  groupMaxSessionTimeoutMs?: number;
  /** Upper bound on a Fetch's max_wait_ms, against bogus clients. Default 30000. */
  maxFetchWaitMs?: number;
  /** Broker node id in Metadata. Default 0. */
  nodeId?: number;
  /** Where log lines go. Default: one line per event on stderr at `logLevel`. */
  logger?: BrokerLogger;
  /** Level for the default logger. Default 'info'. */
  logLevel?: LogLevel;
}

export type ResolvedBrokerOptions = Required<Omit<BrokerOptions, 'logLevel'>>;

const MiB = 1024 * 1024;

export function resolveOptions(options: BrokerOptions): ResolvedBrokerOptions {
  const host = options.host ?? '127.0.0.1';
  const wildcard = host === '0.0.0.0' || host === '::' || host === '';
  const resolved: ResolvedBrokerOptions = {
    port: options.port ?? 9092,
    host,
    advertisedHost: options.advertisedHost ?? (wildcard ? '127.0.0.1' : host),
    dataDir: options.dataDir,
    autoCreateTopics: options.autoCreateTopics ?? true,
    defaultPartitions: options.defaultPartitions ?? 1,
    maxFrameBytes: options.maxFrameBytes ?? 100 * MiB,
    maxBatchBytes: options.maxBatchBytes ?? 1048588,
    fsync: options.fsync ?? { intervalMs: 1000 },
    segmentBytes: options.segmentBytes ?? 64 * MiB,
    indexIntervalBytes: options.indexIntervalBytes ?? 4096,
    retentionMs: options.retentionMs ?? 7 * 24 * 3600 * 1000,
    retentionBytes: options.retentionBytes ?? -1,
    retentionCheckIntervalMs: options.retentionCheckIntervalMs ?? 60_000,
    groupInitialRebalanceDelayMs: options.groupInitialRebalanceDelayMs ?? 0,
    groupMinSessionTimeoutMs: options.groupMinSessionTimeoutMs ?? 6000,
    groupMaxSessionTimeoutMs: options.groupMaxSessionTimeoutMs ?? 1_800_000,
    maxFetchWaitMs: options.maxFetchWaitMs ?? 30_000,
    nodeId: options.nodeId ?? 0,
    logger: options.logger ?? createConsoleLogger(options.logLevel ?? 'info'),
  };
  if (typeof resolved.dataDir !== 'string' || resolved.dataDir === '')
    throw new Error('dev-broker: dataDir is required');
  if (!Number.isInteger(resolved.port) || resolved.port < 0 || resolved.port > 65535)
    throw new Error(`dev-broker: invalid port ${resolved.port}`);
  if (!Number.isInteger(resolved.defaultPartitions) || resolved.defaultPartitions < 1)
    throw new Error('dev-broker: defaultPartitions must be ≥ 1');
  if (resolved.segmentBytes < 1024) throw new Error('dev-broker: segmentBytes must be ≥ 1024');
  if (resolved.maxFrameBytes < 1024) throw new Error('dev-broker: maxFrameBytes must be ≥ 1024');
  if (resolved.fsync !== 'batch' && !(resolved.fsync.intervalMs > 0))
    throw new Error("dev-broker: fsync must be 'batch' or { intervalMs > 0 }");
  return resolved;
}
