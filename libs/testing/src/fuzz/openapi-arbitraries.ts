import fc from 'fast-check';

type Schema = Record<string, unknown>;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Values that pass a loose schema and then break the layer below it: U+0000, which Postgres
// stores neither in `text` nor in `jsonb`, and integers just past Postgres `integer` and at the
// edge of a JavaScript number.
const EDGE_STRINGS = ['\u0000', 'a\u0000b', '\ud800', '%00', "'; --", '..//'];
const EDGE_INTEGERS = [2_147_483_648, -2_147_483_649, Number.MAX_SAFE_INTEGER];

/** Ids that exist in the service under test: a generated uuid is sometimes one of them, so bodies reach past the 404s. */
export interface ArbitraryHints {
  readonly uuids?: readonly string[];
}

/**
 * fast-check arbitraries for the JSON Schema subset our OpenAPI documents use ($ref, type,
 * enum/const, string bounds and uuid/date-time formats, integer/number bounds, objects with
 * required/optional properties, arrays, anyOf/oneOf). Unknown shapes fall back to any JSON value.
 * Free strings and unbounded integers sometimes take an edge value (see above).
 */
export function arbitraryFor(
  schema: unknown,
  document: Schema,
  depth = 0,
  hints: ArbitraryHints = {},
): fc.Arbitrary<unknown> {
  if (!isSchema(schema) || depth > 6) return fc.jsonValue({ maxDepth: 2 });
  const inner = (node: unknown) => arbitraryFor(node, document, depth + 1, hints);
  const ref = schema['$ref'];
  if (typeof ref === 'string') {
    const target = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>(
        (node, key) => (isSchema(node) ? node[key.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined),
        document,
      );
    return inner(target);
  }
  if ('const' in schema) return fc.constant(schema['const']);
  if (Array.isArray(schema['enum'])) return fc.constantFrom(...(schema['enum'] as unknown[]));
  const union = (schema['anyOf'] ?? schema['oneOf']) as unknown;
  if (Array.isArray(union) && union.length > 0) return fc.oneof(...union.map(inner));
  const type = Array.isArray(schema['type']) ? (schema['type'] as unknown[])[0] : schema['type'];
  switch (type) {
    case 'string': {
      if (schema['format'] === 'uuid')
        return hints.uuids && hints.uuids.length > 0
          ? fc.oneof(fc.uuid(), fc.constantFrom(...hints.uuids))
          : fc.uuid();
      if (schema['format'] === 'date')
        return fc
          .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10));
      if (schema['format'] === 'date-time')
        return fc
          .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString());
      const maxLength = typeof schema['maxLength'] === 'number' ? Math.min(schema['maxLength'], 300) : 60;
      const minLength =
        typeof schema['minLength'] === 'number' ? Math.min(schema['minLength'], maxLength) : 0;
      const text = fc.string({ minLength, maxLength, unit: 'grapheme' });
      if (typeof schema['pattern'] === 'string')
        return fc.oneof(
          fc
            .stringMatching(new RegExp(schema['pattern']))
            .filter((value) => value.length >= minLength && value.length <= maxLength),
          text,
        );
      if (typeof schema['format'] === 'string') return text;
      return fc.oneof(
        { weight: 4, arbitrary: text },
        { weight: 1, arbitrary: fc.constantFrom(...EDGE_STRINGS) },
      );
    }
    case 'integer': {
      const bounded = typeof schema['maximum'] === 'number' && typeof schema['minimum'] === 'number';
      const integer = fc.integer({
        min: typeof schema['minimum'] === 'number' ? schema['minimum'] : -1_000_000,
        max: typeof schema['maximum'] === 'number' ? schema['maximum'] : 1_000_000,
      });
      if (bounded) return integer;
      return fc.oneof(
        { weight: 4, arbitrary: integer },
        { weight: 1, arbitrary: fc.constantFrom(...EDGE_INTEGERS) },
      );
    }
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(inner(schema['items']), { maxLength: 5 });
    case 'object': {
      const properties = isSchema(schema['properties']) ? schema['properties'] : {};
      const required = new Set(Array.isArray(schema['required']) ? (schema['required'] as string[]) : []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, property] of Object.entries(properties)) record[name] = inner(property);
      return fc.record(record, { requiredKeys: Object.keys(record).filter((name) => required.has(name)) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Valid-looking values most of the time, plus wrong types and unknown fields. */
export function fuzzedBody(
  schema: unknown,
  document: Schema,
  hints: ArbitraryHints = {},
): fc.Arbitrary<unknown> {
  const valid = arbitraryFor(schema, document, 0, hints);
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    {
      weight: 1,
      arbitrary: fc
        .tuple(valid, fc.string({ minLength: 1, maxLength: 10 }), fc.jsonValue({ maxDepth: 1 }))
        .map(([value, key, extra]) => (isSchema(value) ? { ...value, [`x${key}`]: extra } : value)),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
}
