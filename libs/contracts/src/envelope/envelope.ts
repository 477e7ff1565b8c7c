import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { actorRole } from '../schema/enums';
import { orgPath, utcTimestamp, uuid, uuidV7 } from '../schema/primitives';
import { ContractValidationError, issuesFromZod, type ContractIssue } from './contract-validation-error';
import { type EventData, type EventDefinition } from './event-definition';

export const actorSchema = z.object({
  /** User id (token `sub`), or `system` for relays, consumers and scheduled jobs. */
  id: z.string().min(1).max(128),
  /** The role under which the action was permitted. */
  role: actorRole,
});
export type EventActor = z.output<typeof actorSchema>;

export const SYSTEM_ACTOR: EventActor = Object.freeze({ id: 'system', role: 'system' });

/** Event type: `<service>.<aggregate>.<verb>` with kebab-case segments. */
export const eventTypePattern = /^[a-z][a-z-]*(?:\.[a-z][a-z-]*){2,}$/;

/** The envelope with `data` left open; the catalogue validates `data` per event type and version. */
export const envelopeSchema = z.object({
  id: uuidV7.describe('Event id (UUIDv7); consumers deduplicate on it (inbox).'),
  type: z.string().regex(eventTypePattern).describe('Event type, `<service>.<aggregate>.<past-tense verb>`.'),
  version: z.number().int().positive().describe('Schema version of `data` for this type.'),
  source: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/)
    .describe('Publishing service, e.g. `member-registry`.'),
  occurredAt: utcTimestamp.describe('When the change happened, UTC ISO 8601.'),
  districtId: uuid.nullable().describe('District org unit id; null for city-level events.'),
  orgUnitPath: orgPath.describe('Org path of the unit the aggregate belongs to, e.g. `/hz/xihu/dahe/`.'),
  aggregateId: uuid.describe('Id of the aggregate the event is about; also the Kafka message key.'),
  correlationId: z
    .string()
    .min(1)
    .max(128)
    .describe('Request correlation id (`x-correlation-id`), copied along causal chains.'),
  causationId: z
    .string()
    .min(1)
    .max(128)
    .nullable()
    .describe('Id of the event that caused this one; null when a user request started it.'),
  actor: actorSchema.describe(
    'Who acted: a user and the role that permitted it, or `{ id: system, role: system }`.',
  ),
  data: z.unknown().describe('Event payload; its schema depends on `type` and `version`.'),
});

export type EnvelopeMeta = Omit<z.output<typeof envelopeSchema>, 'data'>;

export type Envelope<TData, TType extends string = string, TVersion extends number = number> = Omit<
  EnvelopeMeta,
  'type' | 'version'
> & {
  readonly type: TType;
  readonly version: TVersion;
  readonly data: TData;
};

/** The typed envelope for one event definition. */
export type EnvelopeOf<TDef extends EventDefinition> = Envelope<
  EventData<TDef>,
  TDef['type'],
  TDef['version']
>;

export interface EnvelopeFields<TData> {
  source: string;
  districtId: string | null;
  orgUnitPath: string;
  aggregateId: string;
  correlationId: string;
  causationId?: string | null;
  actor: EventActor;
  data: TData;
  /** Defaults to now. */
  occurredAt?: Date | string;
  /** Defaults to a fresh UUIDv7; pass one only to rebuild a known event. */
  id?: string;
}

/**
 * Builds and validates an envelope. Producers are held to the exact schema: a `data` key the
 * schema does not declare is an error here (it would otherwise be silently published, or silently
 * dropped), even though consumers parse leniently.
 */
export function buildEnvelope<TDef extends EventDefinition>(
  definition: TDef,
  fields: EnvelopeFields<EventData<TDef>>,
): EnvelopeOf<TDef> {
  const occurredAt = fields.occurredAt instanceof Date ? fields.occurredAt.toISOString() : fields.occurredAt;
  const candidate = {
    id: fields.id ?? uuidv7(),
    type: definition.type,
    version: definition.version,
    source: fields.source,
    occurredAt: occurredAt ?? new Date().toISOString(),
    districtId: fields.districtId,
    orgUnitPath: fields.orgUnitPath,
    aggregateId: fields.aggregateId,
    correlationId: fields.correlationId,
    causationId: fields.causationId ?? null,
    actor: fields.actor,
    data: fields.data,
  };
  const issues: ContractIssue[] = [];
  const meta = envelopeSchema.safeParse(candidate);
  if (!meta.success) issues.push(...issuesFromZod(meta.error));
  const data = definition.schema.safeParse(fields.data);
  if (!data.success) issues.push(...issuesFromZod(data.error, ['data']));
  else issues.push(...unknownKeys(fields.data, data.data, 'data'));
  if (issues.length > 0 || !meta.success || !data.success) {
    throw new ContractValidationError(`Cannot build ${definition.type} v${definition.version}`, issues);
  }
  return {
    ...meta.data,
    type: definition.type,
    version: definition.version,
    data: data.data,
  } as EnvelopeOf<TDef>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keys present in the input that the (stripping) schema dropped from the output. */
export function unknownKeys(input: unknown, output: unknown, path: string): ContractIssue[] {
  if (Array.isArray(input) && Array.isArray(output)) {
    return input.flatMap((item, index) => unknownKeys(item, output[index], `${path}.${index}`));
  }
  if (!isRecord(input) || !isRecord(output)) return [];
  return Object.entries(input).flatMap(([key, value]) => {
    if (value === undefined) return [];
    if (!(key in output))
      return [{ path: `${path}.${key}`, message: 'Unknown field: not in the event schema' }];
    return unknownKeys(value, output[key], `${path}.${key}`);
  });
}
