import { type z } from 'zod';

/**
 * One version of one event type. `schema` describes `data` only; the envelope is shared.
 * Schemas are ordinary (non-strict) zod objects so consumers tolerate fields added later;
 * producers are held to the exact schema by `buildEnvelope` (see README, "Strictness").
 */
export interface EventDefinition<
  TType extends string = string,
  TVersion extends number = number,
  TSchema extends z.ZodType = z.ZodType,
> {
  /** `<service>.<aggregate>.<past-tense-verb>`, e.g. `registry.member.registered`. */
  readonly type: TType;
  /** Schema version of `data`; a breaking change needs a new version (and usually a new topic major). */
  readonly version: TVersion;
  /** Topic name this event is published on. */
  readonly topic: string;
  readonly schema: TSchema;
  readonly description: string;
  /** A realistic `data` value; tests parse it and the AsyncAPI document shows it. */
  readonly example: z.output<TSchema>;
}

/** Keeps literal `type`/`version` types so envelopes can be narrowed by `type`. */
export function defineEvent<
  const TType extends string,
  const TVersion extends number,
  TSchema extends z.ZodType,
>(definition: EventDefinition<TType, TVersion, TSchema>): EventDefinition<TType, TVersion, TSchema> {
  return Object.freeze(definition);
}

/** Data type carried by an event definition. */
export type EventData<TDef extends EventDefinition> = z.output<TDef['schema']>;

export function eventKey(type: string, version: number): string {
  return `${type}@v${version}`;
}
