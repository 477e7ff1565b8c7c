import { REGISTRY_TOPICS, topicByName, type KnownEnvelope, type TopicDefinition } from '@lianxin/contracts';
import { startConsumer, type ConsumedEvent, type RunningConsumer } from '@lianxin/platform-messaging';
import { claimInbox, inTransaction, SYSTEM_SCOPE } from '@lianxin/platform-persistence';
import { type Kafka } from 'kafkajs';
import { type DataSource } from 'typeorm';
import {
  ApplyRegistryEventHandler,
  isProjected,
} from '../application/commands/apply-registry-event/apply-registry-event.handler';

export const PROJECTION_CONSUMER = 'pairing-visits.registry-projection';

export function registryTopics(): TopicDefinition[] {
  return [REGISTRY_TOPICS.orgUnit, REGISTRY_TOPICS.member, REGISTRY_TOPICS.household].map((name) => {
    const topic = topicByName(name);
    if (!topic) throw new Error(`topic ${name} is not in the catalogue`);
    return topic;
  });
}

/**
 * Keeps the local copies of the registry's org units, members and households. A batch of one
 * partition is applied in one system-scope transaction; the inbox makes each event count once
 * (a redelivered event is skipped), and the runner retries a failing batch event by event and
 * dead-letters the one that keeps failing.
 */
export class RegistryEventsConsumer {
  private running: RunningConsumer | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly handler: ApplyRegistryEventHandler = new ApplyRegistryEventHandler(),
  ) {}

  async start(kafka: Kafka, groupId = PROJECTION_CONSUMER): Promise<void> {
    this.running = await startConsumer<KnownEnvelope>({
      kafka,
      groupId,
      topics: registryTopics(),
      handleBatch: (events) => this.applyBatch(events),
      partitionsConsumedConcurrently: 3,
    });
  }

  async stop(): Promise<void> {
    await this.running?.stop();
    this.running = undefined;
  }

  async applyBatch(events: readonly ConsumedEvent<KnownEnvelope>[]): Promise<void> {
    await inTransaction(this.dataSource, SYSTEM_SCOPE, async (tx) => {
      const fresh = await claimInbox(
        tx,
        PROJECTION_CONSUMER,
        events.map((event) => event.envelope.id),
      );
      for (const { envelope } of events) {
        if (!fresh.has(envelope.id) || !isProjected(envelope)) continue;
        // An event appearing twice in one batch is claimed once and applied once.
        fresh.delete(envelope.id);
        await this.handler.apply(tx, envelope);
      }
    });
  }
}
