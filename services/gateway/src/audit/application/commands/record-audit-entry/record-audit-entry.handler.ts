import { type DataSource } from 'typeorm';
import {
  auditRecordedV1,
  buildEnvelope,
  GATEWAY_SOURCE,
  GATEWAY_TOPICS,
  type EventActor,
} from '@lianxin/contracts';
import { inTransaction } from '@lianxin/platform-persistence';
import { type AuditEntry } from '../../../domain/audit-entry';
import { AuditEntryOrmEntity } from '../../../infrastructure/audit-entry.orm-entity';

/**
 * Appends one audit row and queues its `gateway.audit.recorded` event in the same transaction
 * (outbox), under the actor's scope so row-level security accepts the row.
 */
export class RecordAuditEntryHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(entry: AuditEntry): Promise<void> {
    await inTransaction(this.dataSource, entry.actorScope, async (tx) => {
      await tx.manager.insert(AuditEntryOrmEntity, {
        id: entry.id,
        occurredAt: entry.occurredAt,
        actorId: entry.actorId,
        actorRole: entry.actorRole,
        actorScope: entry.actorScope,
        districtId: entry.districtId,
        orgPath: entry.actorScope,
        method: entry.method,
        path: entry.path,
        targetIds: [...entry.targetIds],
        status: entry.status,
        correlationId: entry.correlationId,
        clientAddress: entry.clientAddress,
      });
      tx.publish(
        GATEWAY_TOPICS.audit,
        buildEnvelope(auditRecordedV1, {
          source: GATEWAY_SOURCE,
          districtId: entry.districtId,
          orgUnitPath: entry.actorScope,
          aggregateId: entry.id,
          correlationId: entry.correlationId,
          actor: { id: entry.actorId, role: entry.actorRole as EventActor['role'] },
          occurredAt: entry.occurredAt,
          data: {
            auditId: entry.id,
            actorId: entry.actorId,
            role: entry.actorRole as EventActor['role'],
            scope: entry.actorScope,
            method: entry.method,
            path: entry.path,
            targetIds: [...entry.targetIds],
            status: entry.status,
            correlationId: entry.correlationId,
            clientAddress: entry.clientAddress,
            at: entry.occurredAt.toISOString(),
          },
        }),
      );
    });
  }
}
