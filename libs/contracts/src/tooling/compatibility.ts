import { isJsonObject, type JsonObject, type JsonValue } from './json-schema';

export interface BreakingChange {
  /** Location in the payload, e.g. `data.changes.size` or `data.results[]`. */
  readonly path: string;
  readonly reason: string;
}

// Keywords whose larger value accepts less (a raise is breaking) and whose smaller value accepts less.
const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'] as const;
const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'] as const;
const EXACT = ['format', 'pattern', 'const', 'multipleOf', '$ref'] as const;

/**
 * Compares two JSON Schemas of the same event version from the consumer's side: a change is
 * breaking when an event valid before may now be invalid, or when a field a consumer could rely on
 * may now be missing or differently typed. Additive changes (new optional fields, new enum values,
 * relaxed bounds, dropped patterns) pass. Only the keywords zod emits are understood; anything
 * else must stay byte-identical.
 */
export function findBreakingChanges(previous: JsonValue, next: JsonValue, path = 'data'): BreakingChange[] {
  if (!isJsonObject(previous) || !isJsonObject(next)) {
    return JSON.stringify(previous) === JSON.stringify(next) ? [] : [{ path, reason: 'schema changed' }];
  }
  if (hasVariants(previous) || hasVariants(next)) return compareVariants(previous, next, path);

  const changes: BreakingChange[] = [];
  const previousTypes = typeSet(previous);
  const nextTypes = typeSet(next);
  if (previousTypes.join('|') !== nextTypes.join('|')) {
    changes.push({ path, reason: `type changed from ${describe(previousTypes)} to ${describe(nextTypes)}` });
    return changes;
  }

  changes.push(...compareEnums(previous, next, path));
  for (const keyword of EXACT) {
    if (next[keyword] !== undefined && JSON.stringify(previous[keyword]) !== JSON.stringify(next[keyword])) {
      changes.push({
        path,
        reason: `${keyword} changed from ${show(previous[keyword])} to ${show(next[keyword])}`,
      });
    }
  }
  for (const keyword of LOWER_BOUNDS) {
    const before = numberOr(previous[keyword], -Infinity);
    const after = numberOr(next[keyword], -Infinity);
    if (after > before)
      changes.push({ path, reason: `${keyword} raised from ${show(previous[keyword])} to ${after}` });
  }
  for (const keyword of UPPER_BOUNDS) {
    const before = numberOr(previous[keyword], Infinity);
    const after = numberOr(next[keyword], Infinity);
    if (after < before)
      changes.push({ path, reason: `${keyword} lowered from ${show(previous[keyword])} to ${after}` });
  }
  if (next['additionalProperties'] === false && previous['additionalProperties'] !== false) {
    changes.push({ path, reason: 'additional properties are now rejected' });
  }
  changes.push(...compareProperties(previous, next, path));
  if (previous['items'] !== undefined || next['items'] !== undefined) {
    changes.push(...findBreakingChanges(previous['items'] ?? {}, next['items'] ?? {}, `${path}[]`));
  }
  return changes;
}

function compareProperties(previous: JsonObject, next: JsonObject, path: string): BreakingChange[] {
  const changes: BreakingChange[] = [];
  const before = isJsonObject(previous['properties']) ? previous['properties'] : {};
  const after = isJsonObject(next['properties']) ? next['properties'] : {};
  const requiredBefore = stringSet(previous['required']);
  const requiredAfter = stringSet(next['required']);
  for (const [name, schema] of Object.entries(before)) {
    const child = `${path}.${name}`;
    const nextSchema = after[name];
    if (nextSchema === undefined) {
      changes.push({ path: child, reason: 'field removed' });
      continue;
    }
    if (!requiredBefore.has(name) && requiredAfter.has(name))
      changes.push({ path: child, reason: 'optional field became required' });
    // A consumer may rely on a field that was always present; making it optional can remove it.
    if (requiredBefore.has(name) && !requiredAfter.has(name))
      changes.push({ path: child, reason: 'required field became optional' });
    changes.push(...findBreakingChanges(schema, nextSchema, child));
  }
  for (const name of requiredAfter) {
    if (before[name] === undefined)
      changes.push({
        path: `${path}.${name}`,
        reason: 'new required field (only optional fields may be added)',
      });
  }
  return changes;
}

function compareEnums(previous: JsonObject, next: JsonObject, path: string): BreakingChange[] {
  if (!Array.isArray(next['enum'])) return [];
  if (!Array.isArray(previous['enum'])) return [{ path, reason: 'values restricted to an enum' }];
  const allowed = new Set(next['enum'].map((value) => JSON.stringify(value)));
  const removed = previous['enum'].filter((value) => !allowed.has(JSON.stringify(value)));
  return removed.length > 0
    ? [{ path, reason: `enum narrowed: ${removed.map(show).join(', ')} removed` }]
    : [];
}

/** anyOf/oneOf (zod's nullable unions): every old variant must still be accepted, and nothing new. */
function compareVariants(previous: JsonObject, next: JsonObject, path: string): BreakingChange[] {
  const before = variants(previous);
  const after = variants(next);
  const compatible = (a: JsonValue, b: JsonValue): boolean => findBreakingChanges(a, b, path).length === 0;
  const changes: BreakingChange[] = [];
  for (const variant of before) {
    if (after.some((candidate) => compatible(variant, candidate))) continue;
    // Explain the change inside the variant of the same type when there is one (e.g. a narrowed
    // enum in a nullable field); otherwise the variant's type is simply gone.
    const sameType = after.filter((candidate) => sameTypes(variant, candidate));
    if (sameType.length === 1 && sameType[0] !== undefined)
      changes.push(...findBreakingChanges(variant, sameType[0], path));
    else
      changes.push({
        path,
        reason: `type changed: ${describe(typeSet(asObject(variant)))} no longer accepted`,
      });
  }
  for (const variant of after) {
    // A variant of a type that existed before was already compared in the loop above.
    if (!before.some((candidate) => compatible(candidate, variant) || sameTypes(candidate, variant))) {
      changes.push({ path, reason: `type changed: ${describe(typeSet(asObject(variant)))} now accepted` });
    }
  }
  return dedupe(changes);
}

function sameTypes(a: JsonValue, b: JsonValue): boolean {
  return typeSet(asObject(a)).join('|') === typeSet(asObject(b)).join('|');
}

function hasVariants(schema: JsonObject): boolean {
  return Array.isArray(schema['anyOf']) || Array.isArray(schema['oneOf']);
}

function variants(schema: JsonObject): JsonValue[] {
  const list = schema['anyOf'] ?? schema['oneOf'];
  if (!Array.isArray(list)) return [schema];
  // Keep sibling keywords (e.g. a description next to anyOf) out of the comparison.
  return list;
}

function typeSet(schema: JsonObject): string[] {
  const type = schema['type'];
  const list = Array.isArray(type) ? type.map(String) : type === undefined ? [] : [String(type)];
  if (list.length === 0 && schema['const'] !== undefined) list.push(typeof schema['const']);
  return [...new Set(list)].sort();
}

function asObject(value: JsonValue): JsonObject {
  return isJsonObject(value) ? value : {};
}

function stringSet(value: JsonValue | undefined): Set<string> {
  return new Set(Array.isArray(value) ? value.map(String) : []);
}

function numberOr(value: JsonValue | undefined, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}

function describe(types: string[]): string {
  return types.length === 0 ? 'any' : types.join(' | ');
}

function show(value: JsonValue | undefined): string {
  return value === undefined ? 'none' : JSON.stringify(value);
}

function dedupe(changes: BreakingChange[]): BreakingChange[] {
  const seen = new Set<string>();
  return changes.filter((change) => {
    const key = `${change.path}\u0000${change.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
