import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

/**
 * zod → JSON Schema 2020-12 (the dialect of OpenAPI 3.1). Named sub-schemas (`$defs`) are moved
 * into `components.schemas` by the caller through `defs`, and their references rewritten, because
 * `#/$defs/…` would otherwise point at the root of the OpenAPI document.
 */
export function toJsonSchema(
  schema: z.ZodType,
  io: 'input' | 'output',
  defs: Record<string, JsonSchema>,
): JsonSchema {
  const converted = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as JsonSchema;
  const { $schema: _dialect, $defs, ...rest } = converted;
  if (isRecord($defs)) {
    for (const [name, def] of Object.entries($defs)) {
      if (isRecord(def)) defs[name] = rewriteRefs(def);
    }
  }
  return rewriteRefs(rest);
}

function rewriteRefs(node: JsonSchema): JsonSchema {
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, rewriteValue(key, value)]));
}

function rewriteValue(key: string, value: unknown): unknown {
  if (key === '$ref' && typeof value === 'string')
    return value.replace(/^#\/\$defs\//, '#/components/schemas/');
  if (Array.isArray(value)) return value.map((item) => rewriteValue('', item));
  if (isRecord(value)) return rewriteRefs(value);
  return value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
