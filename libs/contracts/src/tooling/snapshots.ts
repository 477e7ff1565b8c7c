import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type EventDefinition, eventKey } from '../envelope/event-definition';
import { type BreakingChange, findBreakingChanges } from './compatibility';
import { eventJsonSchema, isJsonObject, type JsonObject, type JsonValue, stableJson } from './json-schema';

/** Committed snapshots live next to the sources, one file per event version. */
export const SNAPSHOT_DIR = join(__dirname, '..', '..', 'snapshots');

export interface EventSnapshot {
  readonly type: string;
  readonly version: number;
  readonly topic: string;
  readonly schema: JsonObject;
}

export interface SnapshotReport {
  /** Event versions with no committed snapshot yet. */
  readonly missing: readonly EventDefinition[];
  /** Compatible (additive) differences: the snapshot should be refreshed. */
  readonly outdated: readonly EventDefinition[];
  /** Breaking differences within a version: never written, always a failure. */
  readonly breaking: readonly { readonly key: string; readonly changes: readonly BreakingChange[] }[];
  /** Snapshots whose event version is gone from the catalogue (a removed event type is breaking). */
  readonly removed: readonly string[];
}

export function snapshotFileName(type: string, version: number): string {
  return `${type}.v${version}.json`;
}

export function snapshotOf(definition: EventDefinition): EventSnapshot {
  return {
    type: definition.type,
    version: definition.version,
    topic: definition.topic,
    schema: eventJsonSchema(definition),
  };
}

export function renderSnapshot(snapshot: EventSnapshot): string {
  return stableJson({ ...snapshot } as unknown as JsonValue);
}

export function readSnapshots(dir: string = SNAPSHOT_DIR): Map<string, EventSnapshot> {
  const snapshots = new Map<string, EventSnapshot>();
  if (!existsSync(dir)) return snapshots;
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const parsed = JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
    if (
      !isJsonObject(parsed) ||
      typeof parsed['type'] !== 'string' ||
      typeof parsed['version'] !== 'number' ||
      typeof parsed['topic'] !== 'string' ||
      !isJsonObject(parsed['schema'])
    ) {
      throw new Error(`Snapshot ${file} is not a { type, version, topic, schema } document`);
    }
    const snapshot: EventSnapshot = {
      type: parsed['type'],
      version: parsed['version'],
      topic: parsed['topic'],
      schema: parsed['schema'],
    };
    snapshots.set(eventKey(snapshot.type, snapshot.version), snapshot);
  }
  return snapshots;
}

/** Checks one snapshot against the current definition: what would break a consumer. */
export function snapshotBreakingChanges(previous: EventSnapshot, current: EventSnapshot): BreakingChange[] {
  const changes: BreakingChange[] = [];
  if (previous.topic !== current.topic) {
    changes.push({ path: '(topic)', reason: `moved from ${previous.topic} to ${current.topic}` });
  }
  changes.push(...findBreakingChanges(previous.schema, current.schema));
  return changes;
}

export function compareWithSnapshots(
  definitions: readonly EventDefinition[],
  snapshots: ReadonlyMap<string, EventSnapshot>,
): SnapshotReport {
  const missing: EventDefinition[] = [];
  const outdated: EventDefinition[] = [];
  const breaking: { key: string; changes: BreakingChange[] }[] = [];
  const current = new Set<string>();
  for (const definition of definitions) {
    const key = eventKey(definition.type, definition.version);
    current.add(key);
    const previous = snapshots.get(key);
    if (!previous) {
      missing.push(definition);
      continue;
    }
    const next = snapshotOf(definition);
    const changes = snapshotBreakingChanges(previous, next);
    if (changes.length > 0) breaking.push({ key, changes });
    else if (renderSnapshot(previous) !== renderSnapshot(next)) outdated.push(definition);
  }
  const removed = [...snapshots.keys()].filter((key) => !current.has(key)).sort();
  return { missing, outdated, breaking, removed };
}

export function describeReport(report: SnapshotReport): string[] {
  return [
    ...report.breaking.flatMap(({ key, changes }) =>
      changes.map((change) => `BREAKING ${key} ${change.path}: ${change.reason}`),
    ),
    ...report.removed.map((key) => `BREAKING ${key}: event version removed (its snapshot still exists)`),
    ...report.missing.map((event) => `missing snapshot for ${eventKey(event.type, event.version)}`),
    ...report.outdated.map(
      (event) => `snapshot outdated (compatible change) for ${eventKey(event.type, event.version)}`,
    ),
  ];
}

/**
 * Snapshots `--update-snapshots` may write: new event versions and compatible changes. Breaking
 * changes are excluded by construction, so a snapshot can never be overwritten to bless one.
 */
export function snapshotsToWrite(report: SnapshotReport): EventDefinition[] {
  const refused = new Set(report.breaking.map((entry) => entry.key));
  return [...report.missing, ...report.outdated].filter(
    (event) => !refused.has(eventKey(event.type, event.version)),
  );
}
