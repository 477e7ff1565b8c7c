import * as fs from 'node:fs';
import * as net from 'node:net';
import { type BrokerContext } from './broker-context';
import { type BrokerOptions, type ResolvedBrokerOptions, resolveOptions } from './broker-options';
import { GroupCoordinator } from './group/group-coordinator';
import { OffsetStore } from './group/offset-store';
import { Connection } from './server/connection';
import { BrokerMeta } from './storage/broker-meta';
import { DataDirLock } from './storage/data-dir-lock';
import { FetchWaiters } from './storage/fetch-waiters';
import { SyncScheduler } from './storage/sync-policy';
import { TopicManager } from './storage/topic-manager';

export interface RunningBroker {
  /** Advertised host (what clients dial). */
  readonly host: string;
  /** Bound port (the real one when 0 was asked). */
  readonly port: number;
  /** "host:port", ready for KAFKA_BROKERS / kafkajs `brokers`. */
  readonly brokers: string;
  readonly dataDir: string;
  /** Closes every socket, timer and file; resolves when the broker is fully down. */
  stop(): Promise<void>;
}

/**
 * Starts the broker in this process: recovers the data directory, then listens. Everything
 * started here is undone by stop(), so a Jest worker can exit cleanly afterwards.
 */
export async function startBroker(options: BrokerOptions): Promise<RunningBroker> {
  const opts = resolveOptions(options);
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const lock = DataDirLock.acquire(opts.dataDir);
  try {
    return await start(opts, lock);
  } catch (err) {
    lock.release();
    throw err;
  }
}

async function start(opts: ResolvedBrokerOptions, lock: DataDirLock): Promise<RunningBroker> {
  const logger = opts.logger;
  const scheduler = new SyncScheduler(opts.fsync);
  const topics = new TopicManager(
    opts.dataDir,
    { segmentBytes: opts.segmentBytes, indexIntervalBytes: opts.indexIntervalBytes },
    scheduler,
    logger,
  );
  topics.load();
  const offsets = new OffsetStore(opts.dataDir, scheduler);
  offsets.load();
  const meta = new BrokerMeta(opts.dataDir, topics.maxProducerId());
  const groups = new GroupCoordinator(
    {
      initialRebalanceDelayMs: opts.groupInitialRebalanceDelayMs,
      minSessionTimeoutMs: opts.groupMinSessionTimeoutMs,
      maxSessionTimeoutMs: opts.groupMaxSessionTimeoutMs,
    },
    logger,
  );
  const waiters = new FetchWaiters();
  const context: BrokerContext = {
    nodeId: opts.nodeId,
    advertisedHost: opts.advertisedHost,
    advertisedPort: opts.port,
    autoCreateTopics: opts.autoCreateTopics,
    defaultPartitions: opts.defaultPartitions,
    maxBatchBytes: opts.maxBatchBytes,
    maxFetchWaitMs: opts.maxFetchWaitMs,
    topics,
    groups,
    offsets,
    waiters,
    meta,
    scheduler,
    logger,
  };

  const connections = new Set<Connection>();
  const server = net.createServer((socket) => {
    connections.add(new Connection(socket, context, opts.maxFrameBytes, (c) => connections.delete(c)));
  });
  const closeStores = () => {
    waiters.close();
    groups.close();
    scheduler.stop();
    offsets.close();
    topics.close();
  };
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port, opts.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    closeStores();
    throw err;
  }
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : opts.port;
  context.advertisedPort = port;

  const retentionTimer = setInterval(() => {
    const now = Date.now();
    for (const topic of topics.list()) {
      const retentionMs = Number(topic.configs['retention.ms'] ?? opts.retentionMs);
      const retentionBytes = Number(topic.configs['retention.bytes'] ?? opts.retentionBytes);
      topic.logs.forEach((log, p) => {
        const deleted = log.enforceRetention(now, retentionMs, retentionBytes);
        if (deleted > 0)
          logger.info(
            `dev-broker: retention deleted ${deleted} segment(s) of ${topic.name}-${p}; log start offset now ${log.logStartOffset}`,
          );
      });
    }
  }, opts.retentionCheckIntervalMs);
  retentionTimer.unref();

  logger.info(
    `dev-broker: listening on ${opts.host}:${port} (advertised ${opts.advertisedHost}:${port}), data in ${opts.dataDir}`,
  );

  let stopping: Promise<void> | undefined;
  return {
    host: opts.advertisedHost,
    port,
    brokers: `${opts.advertisedHost}:${port}`,
    dataDir: opts.dataDir,
    stop: () => {
      stopping ??= new Promise<void>((resolve) => {
        clearInterval(retentionTimer);
        server.close(() => resolve());
        for (const c of [...connections]) c.close();
        closeStores();
        lock.release();
        logger.info(`dev-broker: stopped (port ${port})`);
      });
      return stopping;
    },
  };
}
