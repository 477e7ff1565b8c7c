import {
  buildEnvelope,
  envelopeHeaders,
  messageKey,
  REGISTRY_SOURCE,
  type EventData,
  type EventDefinition,
} from '@lianxin/contracts';
import { injectTraceContext } from '@lianxin/platform-messaging';
import { writeOutbox, type OutboxMessage } from '@lianxin/platform-persistence';
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
  // One bulk operation runs under one span: its trace headers are computed once.
  private readonly traceHeaders = injectTraceContext({});
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
    this.pending.push(this.message(definition, target, data));
    if (this.pending.length >= this.flushAt) await this.flush();
  }

  /** Builds (and holds to its exact schema) an outbox row without queuing it. */
  message<TDef extends EventDefinition>(
    definition: TDef,
    target: EventTarget,
    data: EventData<TDef>,
  ): OutboxMessage {
    const envelope = buildEnvelope(definition, {
      source: REGISTRY_SOURCE,
      districtId: target.districtId,
      orgUnitPath: target.orgPath,
      aggregateId: target.aggregateId,
      correlationId: this.correlationId,
      actor: this.actor,
      data,
    });
    // buildEnvelope has already held the event to its exact schema; toOutboxMessage would parse it
    // a second time, which costs as much as the rest of an imported row.
    return {
      id: envelope.id,
      topic: definition.topic,
      key: messageKey(envelope),
      headers: { ...envelopeHeaders(envelope), ...this.traceHeaders },
      payload: envelope,
    };
  }

  /** Counts rows another statement wrote from `message()` (see insertWithOutbox). */
  countWritten(rows: number): void {
    this.written += rows;
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    await writeOutbox(this.manager, batch);
    this.written += batch.length;
  }
}
