import {
  buildEnvelope,
  REGISTRY_SOURCE,
  type EventData,
  type EventDefinition,
  type EnvelopeOf,
} from '@lianxin/contracts';
import { PERMISSION_MATRIX, type Action, type Actor } from '@lianxin/auth';
import { getCorrelationId } from '@lianxin/platform-telemetry';
import type { TransactionContext } from '@lianxin/platform-persistence';
import { v7 as uuidv7 } from 'uuid';

export interface EventTarget {
  readonly districtId: string | null;
  readonly orgPath: string;
  readonly aggregateId: string;
}

/** The role under which the actor was allowed `action` (the envelope names one role). */
export function roleFor(actor: Actor, action: Action): Actor['roles'][number] {
  const allowed: readonly string[] = PERMISSION_MATRIX[action];
  return actor.roles.find((role) => allowed.includes(role)) ?? actor.roles[0];
}

/** Correlation id of the current request, or a fresh one for CLI and background work. */
export function currentCorrelationId(): string {
  return getCorrelationId() ?? uuidv7();
}

/** Builds a validated envelope and queues it on the transaction's outbox. */
export function publish<TDef extends EventDefinition>(
  tx: TransactionContext,
  definition: TDef,
  actor: Actor | 'system',
  action: Action,
  target: EventTarget,
  data: EventData<TDef>,
): EnvelopeOf<TDef> {
  const envelope = buildEnvelope(definition, {
    source: REGISTRY_SOURCE,
    districtId: target.districtId,
    orgUnitPath: target.orgPath,
    aggregateId: target.aggregateId,
    correlationId: currentCorrelationId(),
    actor:
      actor === 'system' ? { id: 'system', role: 'system' } : { id: actor.id, role: roleFor(actor, action) },
    data,
  });
  tx.publish(definition.topic, envelope);
  return envelope;
}
