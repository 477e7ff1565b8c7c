import { buildEnvelope, defineEvent, dlqName, type TopicDefinition } from '@lianxin/contracts';
import { z } from 'zod';
import { decodeMessage } from './decode-message';

const pinged = defineEvent({
  type: 'test.ping.sent',
  version: 1,
  topic: 'lianxin.test.ping.v1',
  schema: z.object({ count: z.number().int() }),
  description: 'Test-only event.',
  example: { count: 1 },
});
const topic: TopicDefinition = {
  name: 'lianxin.test.ping.v1',
  owner: 'tests',
  description: 'Test-only topic.',
  key: 'ping id',
  partitions: 1,
  retentionMs: 1000,
  cleanupPolicy: 'delete',
  dlq: dlqName('lianxin.test.ping.v1'),
  events: [pinged],
};
const envelope = buildEnvelope(pinged, {
  source: 'tests',
  districtId: null,
  orgUnitPath: '/lx/',
  aggregateId: '0190a000-0000-7000-8000-000000000001',
  correlationId: 'c-1',
  actor: { id: 'system', role: 'system' },
  data: { count: 3 },
});
const encode = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));

describe('decodeMessage', () => {
  it('accepts a valid envelope of an event the topic carries, dropping fields added later', () => {
    const result = decodeMessage(topic, encode({ ...envelope, data: { count: 3, addedLater: true } }));
    expect(result).toEqual({ ok: true, envelope: { ...envelope, data: { count: 3 } } });
  });

  it.each([
    ['an empty value', null],
    ['bytes that are not JSON', Buffer.from('{"type": "test.ping.sent", ')],
    ['an event type the topic does not carry', encode({ ...envelope, type: 'test.other.sent' })],
    ['an unknown version', encode({ ...envelope, version: 2 })],
    ['data that breaks the schema', encode({ ...envelope, data: { count: 'three' } })],
    ['an envelope without an id', encode({ ...envelope, id: undefined })],
    ['a JSON array', encode([1, 2])],
  ])('rejects %s as poison', (_case, value) => {
    const result = decodeMessage(topic, value);
    expect(result.ok).toBe(false);
  });
});
