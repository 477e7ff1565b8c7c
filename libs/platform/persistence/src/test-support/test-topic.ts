import {
  buildEnvelope,
  defineEvent,
  dlqName,
  type EnvelopeOf,
  type TopicDefinition,
} from '@lianxin/contracts';
import { z } from 'zod';
import { v7 as uuidv7 } from 'uuid';

// A test-only topic: tests get their own topic name (and so their own partitions and offsets)
// without adding anything to the real catalogue.

export const testItemChanged = defineEvent({
  type: 'test.item.changed',
  version: 1,
  topic: 'lianxin.test.item.v1',
  schema: z.object({ sequence: z.number().int().nonnegative(), label: z.string().max(40) }),
  description: 'Test-only event.',
  example: { sequence: 1, label: 'one' },
});

export function testTopic(partitions = 1): TopicDefinition {
  const name = `lianxin.test-${uuidv7().slice(-12)}.item.v1`;
  return Object.freeze({
    name,
    owner: 'platform-tests',
    description: 'Test-only topic.',
    key: 'item id',
    partitions,
    retentionMs: 3_600_000,
    cleanupPolicy: 'delete',
    dlq: dlqName(name),
    events: [testItemChanged],
  });
}

export function testEnvelope(
  aggregateId: string,
  sequence: number,
  label = `item ${sequence}`,
): EnvelopeOf<typeof testItemChanged> {
  return buildEnvelope(testItemChanged, {
    source: 'platform-tests',
    districtId: null,
    orgUnitPath: '/lx/',
    aggregateId,
    correlationId: `test-${sequence}`,
    actor: { id: 'system', role: 'system' },
    data: { sequence, label },
  });
}
