import { randomUUID } from 'node:crypto';
import {
  buildEnvelope,
  defineEvent,
  dlqName,
  type EnvelopeOf,
  type TopicDefinition,
} from '@lianxin/contracts';
import { z } from 'zod';

export const testNoted = defineEvent({
  type: 'test.note.written',
  version: 1,
  topic: 'lianxin.test.note.v1',
  schema: z.object({ n: z.number().int() }),
  description: 'Test-only event.',
  example: { n: 1 },
});

/** A fresh test-only topic per test: its own partitions, offsets and DLQ. */
export function noteTopic(): TopicDefinition {
  const name = `lianxin.test-${randomUUID().slice(0, 12)}.note.v1`;
  return {
    name,
    owner: 'tests',
    description: 'Test-only topic.',
    key: 'note id',
    partitions: 1,
    retentionMs: 3_600_000,
    cleanupPolicy: 'delete',
    dlq: dlqName(name),
    events: [testNoted],
  };
}

export function note(n: number): EnvelopeOf<typeof testNoted> {
  return buildEnvelope(testNoted, {
    source: 'tests',
    districtId: null,
    orgUnitPath: '/lx/',
    aggregateId: '0190a000-0000-7000-8000-00000000000a',
    correlationId: `note-${n}`,
    actor: { id: 'system', role: 'system' },
    data: { n },
  });
}
