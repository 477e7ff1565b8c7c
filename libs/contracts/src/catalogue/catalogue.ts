import { type EventDefinition, eventKey } from '../envelope/event-definition';
import { type EnvelopeOf } from '../envelope/envelope';
import {
  dlqName,
  TOPIC_NAME_PATTERN,
  type TopicDefinition,
  type TopicSpec,
} from '../envelope/topic-definition';
import { GATEWAY_EVENTS } from '../events/gateway/gateway.events';
import { GATEWAY_TOPIC_SPECS } from '../events/gateway/gateway.topics';
import { PAIRING_EVENTS } from '../events/pairing/pairing.events';
import { PAIRING_TOPIC_SPECS } from '../events/pairing/pairing.topics';
import { REGISTRY_EVENTS } from '../events/registry/registry.events';
import { REGISTRY_TOPIC_SPECS } from '../events/registry/registry.topics';

// The one place services' folders are stitched together. A new service adds its
// `<service>.events.ts` and `<service>.topics.ts` here once; after that, new events only touch
// the service's own folder.
export const ALL_EVENTS = [...REGISTRY_EVENTS, ...PAIRING_EVENTS, ...GATEWAY_EVENTS] as const;

const TOPIC_SPECS: readonly TopicSpec[] = [
  ...REGISTRY_TOPIC_SPECS,
  ...PAIRING_TOPIC_SPECS,
  ...GATEWAY_TOPIC_SPECS,
];

export type KnownEventDefinition = (typeof ALL_EVENTS)[number];
export type KnownEventType = KnownEventDefinition['type'];

/** Union of every known envelope, discriminated by `type` (and `version`). */
export type KnownEnvelope = KnownEventDefinition extends infer TDef
  ? TDef extends EventDefinition
    ? EnvelopeOf<TDef>
    : never
  : never;

/** Every topic with its events, sorted by name (stable order for generated documents). */
export const TOPICS: readonly TopicDefinition[] = Object.freeze(
  [...TOPIC_SPECS]
    .sort((a, b) => compareText(a.name, b.name))
    .map((spec) =>
      Object.freeze({
        ...spec,
        dlq: dlqName(spec.name),
        events: Object.freeze(
          (ALL_EVENTS as readonly EventDefinition[])
            .filter((event) => event.topic === spec.name)
            .sort((a, b) => compareText(a.type, b.type) || a.version - b.version),
        ),
      }),
    ),
);

// Code-point order, not locale order: generated files must not depend on the machine's ICU data.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const byKey = new Map<string, EventDefinition>(
  (ALL_EVENTS as readonly EventDefinition[]).map((event) => [eventKey(event.type, event.version), event]),
);
const topicsByName = new Map(TOPICS.map((topic) => [topic.name, topic]));

/** The definition of one event version, or undefined when it is not in the catalogue. */
export function eventByType<
  TType extends KnownEventType,
  TVersion extends Extract<KnownEventDefinition, { type: TType }>['version'],
>(type: TType, version: TVersion): Extract<KnownEventDefinition, { type: TType; version: TVersion }>;
export function eventByType(type: string, version: number): EventDefinition | undefined;
export function eventByType(type: string, version: number): EventDefinition | undefined {
  return byKey.get(eventKey(type, version));
}

export function topicByName(name: string): TopicDefinition | undefined {
  return topicsByName.get(name);
}

/** All versions of one event type, oldest first. */
export function eventVersions(type: string): EventDefinition[] {
  return (ALL_EVENTS as readonly EventDefinition[])
    .filter((event) => event.type === type)
    .sort((a, b) => a.version - b.version);
}

/**
 * Consistency rules the catalogue must satisfy; checked by the tests and by the generator (which
 * refuses to write a document for an inconsistent catalogue).
 */
export function catalogueProblems(): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const event of ALL_EVENTS as readonly EventDefinition[]) {
    const key = eventKey(event.type, event.version);
    if (seen.has(key)) problems.push(`${key} is defined twice`);
    seen.add(key);
    const topic = topicsByName.get(event.topic);
    if (!topic) problems.push(`${key} names unknown topic ${event.topic}`);
    const service = event.topic.split('.')[1];
    if (!event.type.startsWith(`${service}.`))
      problems.push(`${key} must start with "${service}." to live on ${event.topic}`);
    if (!Number.isInteger(event.version) || event.version < 1) problems.push(`${key} has an invalid version`);
  }
  const names = new Set<string>();
  for (const topic of TOPICS) {
    if (names.has(topic.name)) problems.push(`topic ${topic.name} is declared twice`);
    names.add(topic.name);
    if (!TOPIC_NAME_PATTERN.test(topic.name))
      problems.push(`topic ${topic.name} does not match lianxin.<service>.<aggregate>.v<major>`);
    if (topic.events.length === 0) problems.push(`topic ${topic.name} carries no events`);
    if (!Number.isInteger(topic.partitions) || topic.partitions < 1)
      problems.push(`topic ${topic.name} needs ≥ 1 partition`);
    if (!Number.isInteger(topic.retentionMs) || topic.retentionMs < 1)
      problems.push(`topic ${topic.name} needs a positive retention`);
  }
  return problems;
}
