import fc from 'fast-check';

type Schema = Record<string, unknown>;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * fast-check arbitraries for the JSON Schema subset our OpenAPI documents use ($ref, type,
 * enum/const, string bounds and uuid/date-time formats, integer/number bounds, objects with
 * required/optional properties, arrays, anyOf/oneOf). Unknown shapes fall back to any JSON value.
 */
export function arbitraryFor(schema: unknown, document: Schema, depth = 0): fc.Arbitrary<unknown> {
  if (!isSchema(schema) || depth > 6) return fc.jsonValue({ maxDepth: 2 });
  const ref = schema['$ref'];
  if (typeof ref === 'string') {
    const target = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>(
        (node, key) => (isSchema(node) ? node[key.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined),
        document,
      );
    return arbitraryFor(target, document, depth + 1);
  }
  if ('const' in schema) return fc.constant(schema['const']);
  if (Array.isArray(schema['enum'])) return fc.constantFrom(...(schema['enum'] as unknown[]));
  const union = (schema['anyOf'] ?? schema['oneOf']) as unknown;
  if (Array.isArray(union) && union.length > 0)
    return fc.oneof(...union.map((item) => arbitraryFor(item, document, depth + 1)));
  const type = Array.isArray(schema['type']) ? (schema['type'] as unknown[])[0] : schema['type'];
  switch (type) {
    case 'string': {
      if (schema['format'] === 'uuid') return fc.uuid();
      if (schema['format'] === 'date-time')
        return fc
          .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString());
      const maxLength = typeof schema['maxLength'] === 'number' ? Math.min(schema['maxLength'], 300) : 60;
      const minLength =
        typeof schema['minLength'] === 'number' ? Math.min(schema['minLength'], maxLength) : 0;
      return fc.string({ minLength, maxLength, unit: 'grapheme' });
    }
    case 'integer':
      return fc.integer({
        min: typeof schema['minimum'] === 'number' ? schema['minimum'] : -1_000_000,
        max: typeof schema['maximum'] === 'number' ? schema['maximum'] : 1_000_000,
      });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(arbitraryFor(schema['items'], document, depth + 1), { maxLength: 5 });
    case 'object': {
      const properties = isSchema(schema['properties']) ? schema['properties'] : {};
      const required = new Set(Array.isArray(schema['required']) ? (schema['required'] as string[]) : []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, property] of Object.entries(properties))
        record[name] = arbitraryFor(property, document, depth + 1);
      return fc.record(record, { requiredKeys: Object.keys(record).filter((name) => required.has(name)) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Valid-looking values most of the time, plus wrong types and unknown fields. */
export function fuzzedBody(schema: unknown, document: Schema): fc.Arbitrary<unknown> {
  const valid = arbitraryFor(schema, document);
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
