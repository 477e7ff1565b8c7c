import { v7 as uuidv7 } from 'uuid';
import { type Logger } from '@lianxin/platform-telemetry';
import { type AuditActor } from '../domain/audit-actor';
import { type AuditEntry, type AuditedMethod } from '../domain/audit-entry';
import { type RecordAuditEntryHandler } from './commands/record-audit-entry/record-audit-entry.handler';

export interface AuditFacts {
  readonly actor: AuditActor;
  readonly method: AuditedMethod;
  readonly path: string;
  readonly targetIds: readonly string[];
  readonly status: number;
  readonly correlationId: string;
  readonly clientAddress: string;
  readonly occurredAt: Date;
}

/**
 * Records audit entries after the response is sent, so a write through the gateway is not slowed
 * by its own audit row. Writes in flight are tracked: shutdown (and tests) wait for them with
 * `drain()`. A failed write is logged with the correlation id and counted, never swallowed silently.
 */
export class AuditTrail {
  private readonly inFlight = new Set<Promise<void>>();
  failures = 0;

  constructor(
    private readonly recorder: RecordAuditEntryHandler,
    private readonly logger: Logger,
  ) {}

  record(facts: AuditFacts): void {
    const entry: AuditEntry = {
      id: uuidv7(),
      occurredAt: facts.occurredAt,
      actorId: facts.actor.id,
      actorRole: facts.actor.role,
      actorScope: facts.actor.scope,
      districtId: facts.actor.districtId,
      method: facts.method,
      path: facts.path,
      targetIds: facts.targetIds,
      status: facts.status,
      correlationId: facts.correlationId,
      clientAddress: facts.clientAddress,
    };
    const work = this.recorder
      .execute(entry)
      .catch((error: unknown) => {
        this.failures += 1;
        this.logger.error(
          { err: error, correlationId: entry.correlationId, path: entry.path },
          'audit entry could not be recorded',
        );
      })
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }
}
