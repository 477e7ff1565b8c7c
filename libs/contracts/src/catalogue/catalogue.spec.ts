import { type EventDefinition, eventKey } from '../envelope/event-definition';
import { ALL_EVENTS, catalogueProblems, eventByType, TOPICS, topicByName } from './catalogue';

const events = ALL_EVENTS as readonly EventDefinition[];

describe('event catalogue', () => {
  it('is internally consistent (unique versions, known topics, names match the service)', () => {
    expect(catalogueProblems()).toEqual([]);
  });

  it.each(events.map((event) => [eventKey(event.type, event.version), event] as const))(
    '%s: its example parses with its own schema',
    (_key, event) => {
      const result = event.schema.safeParse(event.example);
      expect(result.success ? [] : result.error.issues).toEqual([]);
    },
  );

  it('uses past-tense type names with the topic aggregate namespace', () => {
    for (const event of events) {
      expect(event.type).toMatch(/^[a-z]+\.[a-z-]+\.[a-z-]+$/);
      // e.g. `registered`, `transferred-in`, `hand-off-requested`, `done`.
      expect(event.type.split('.')[2]).toMatch(/(^|-)([a-z]+ed|done|given|made|drawn|held|left)(-|$)/);
    }
  });

  it('puts the aggregate id first in every payload (the convention examples and readers rely on)', () => {
    for (const event of events) {
      const first = Object.entries(event.example as Record<string, unknown>)[0];
      expect({ type: event.type, field: first?.[0] }).toEqual({
        type: event.type,
        field: expect.stringMatching(/Id$/),
      });
      expect(typeof first?.[1]).toBe('string');
    }
  });

  it('finds definitions by type and version, and nothing for unknown ones', () => {
    expect(eventByType('registry.member.registered', 1)?.topic).toBe('lianxin.registry.member.v1');
    expect(eventByType('registry.member.registered', 99)).toBeUndefined();
    expect(eventByType('registry.member.exploded', 1)).toBeUndefined();
  });

  it('derives DLQ names and carries partition and retention settings', () => {
    const visits = topicByName('lianxin.pairing.visit.v1');
    expect(visits?.dlq).toBe('lianxin.pairing.visit.v1.dlq');
    expect(visits?.partitions).toBe(6);
    expect(topicByName('lianxin.gateway.audit.v1')?.retentionMs).toBe(365 * 24 * 60 * 60 * 1000);
    expect(topicByName('lianxin.registry.post.v1')?.retentionMs).toBe(30 * 24 * 60 * 60 * 1000);
    for (const topic of TOPICS) expect(topic.events.every((event) => event.topic === topic.name)).toBe(true);
  });
});
