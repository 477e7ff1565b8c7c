import { z } from 'zod';
import { type EventDefinition } from '../envelope/event-definition';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * JSON Schema (draft-07, the dialect AsyncAPI 3 schemas build on) of a zod schema. `io: 'input'`
 * leaves `additionalProperties` open for ordinary objects, which is the promise we make to
 * consumers: new optional fields may appear.
 */
export function toJsonSchema(schema: z.ZodType): JsonObject {
  const result = z.toJSONSchema(schema, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'throw',
  }) as unknown;
  if (!isJsonObject(result)) throw new Error('zod produced a non-object JSON Schema');
  const { $schema: _dialect, ...rest } = result;
  return rest;
}

export function eventJsonSchema(definition: EventDefinition): JsonObject {
  return toJsonSchema(definition.schema);
}

/** JSON with keys sorted at every level and a trailing newline: byte-stable files. */
export function stableJson(value: JsonValue): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

export function sortKeys(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isJsonObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys(value[key] as JsonValue)]),
  );
}
