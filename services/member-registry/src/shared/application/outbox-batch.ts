import { buildEnvelope, REGISTRY_SOURCE, type EventData, type EventDefinition } from '@lianxin/contracts';
import { toOutboxMessage, writeOutbox, type OutboxMessage } from '@lianxin/platform-persistence';
import type { EntityManager } from 'typeorm';
import type { EventActor } from '@lianxin/contracts';
import { currentCorrelationId, type EventTarget } from './event-factory';

/**
 * Outbox rows for bulk work (imports, demo data): buffered and written with one multi-row insert
 * per `flushAt` events, inside the caller's transaction, so memory stays bounded and 100,000
 * events cost 50 statements rather than 100,000.
 */
export class OutboxBatch {
  private pending: OutboxMessage[] = [];
  private readonly correlationId = currentCorrelationId();
  written = 0;

  constructor(
    private readonly manager: EntityManager,
    private readonly actor: EventActor,
    private readonly flushAt = 2000,
  ) {}

  async add<TDef extends EventDefinition>(
    definition: TDef,
    target: EventTarget,
    data: EventData<TDef>,
  ): Promise<void> {
    const envelope = buildEnvelope(definition, {
      source: REGISTRY_SOURCE,
      districtId: target.districtId,
      orgUnitPath: target.orgPath,
      aggregateId: target.aggregateId,
      correlationId: this.correlationId,
      actor: this.actor,
      data,
    });
    this.pending.push(toOutboxMessage(definition.topic, envelope));
    if (this.pending.length >= this.flushAt) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    await writeOutbox(this.manager, batch);
    this.written += batch.length;
  }
}
