import {
  buildEnvelope,
  type EventData,
  type EventDefinition,
  type EnvelopeOf,
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

/** The envelope for an event of this service (callers that write the outbox row themselves). */
export function buildEvent<TDef extends EventDefinition>(
  context: CommandContext | null,
  definition: TDef,
  target: EventTarget,
  data: EventData<TDef>,
  causationId: string | null = null,
  correlationId?: string,
): EnvelopeOf<TDef> {
  return buildEnvelope(definition, {
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
  tx.publish(definition.topic, buildEvent(context, definition, target, data, causationId, correlationId));
}
