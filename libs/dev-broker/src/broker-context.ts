import { type GroupCoordinator } from './group/group-coordinator';
import { type OffsetStore } from './group/offset-store';
import { type BrokerLogger } from './logger';
import { type BrokerMeta } from './storage/broker-meta';
import { type FetchWaiters } from './storage/fetch-waiters';
import { type SyncScheduler } from './storage/sync-policy';
import { type TopicManager } from './storage/topic-manager';

/** What the per-API handlers may use: the broker's components, wired once in broker.ts. */
export interface BrokerContext {
  readonly nodeId: number;
  readonly advertisedHost: string;
  /** Set once the listener is bound (port 0 picks a free port). */
  advertisedPort: number;
  readonly autoCreateTopics: boolean;
  readonly defaultPartitions: number;
  readonly maxBatchBytes: number;
  readonly maxFetchWaitMs: number;
  readonly topics: TopicManager;
  readonly groups: GroupCoordinator;
  readonly offsets: OffsetStore;
  readonly waiters: FetchWaiters;
  readonly meta: BrokerMeta;
  readonly scheduler: SyncScheduler;
  readonly logger: BrokerLogger;
}

/** Per-request facts from the header and the connection. */
export interface RequestContext {
  readonly apiVersion: number;
  readonly correlationId: number;
  readonly clientId: string;
  readonly clientHost: string;
  /** Aborted when the connection closes, so parked requests stop waiting. */
  readonly signal: AbortSignal;
}
