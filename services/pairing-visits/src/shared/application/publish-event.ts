import {
  buildEnvelope,
  type EventData,
  type EventDefinition,
  PAIRING_SOURCE,
  SYSTEM_ACTOR,
  type EventActor,
} from '@lianxin/contracts';
import { type TransactionContext } from '@lianxin/platform-persistence';
import { type CommandContext } from './command-context';

export interface EventTarget {
  readonly aggregateId: string;
  readonly districtId: string | null;
  readonly orgUnitPath: string;
}

function eventActor(context: CommandContext | null): EventActor {
  if (!context) return SYSTEM_ACTOR;
  const role = context.actor.roles[0];
  return role ? { id: context.actor.id, role } : SYSTEM_ACTOR;
}

/** Writes the event to the outbox in the caller's transaction (published by the relay after commit). */
export function publishEvent<TDef extends EventDefinition>(
  tx: TransactionContext,
  context: CommandContext | null,
  definition: TDef,
  target: EventTarget,
  data: EventData<TDef>,
  causationId: string | null = null,
  correlationId?: string,
): void {
  const envelope = buildEnvelope(definition, {
    source: PAIRING_SOURCE,
    districtId: target.districtId,
    orgUnitPath: target.orgUnitPath,
    aggregateId: target.aggregateId,
    correlationId: context?.correlationId ?? correlationId ?? causationId ?? 'system',
    causationId,
    actor: eventActor(context),
    data,
    occurredAt: context?.now,
  });
  tx.publish(definition.topic, envelope);
}
