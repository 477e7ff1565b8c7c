import { deadLetterHeaders, DLQ_HEADERS, errorText } from './dlq-headers';

describe('deadLetterHeaders', () => {
  const info = {
    kind: 'handler' as const,
    error: new TypeError('projection exploded'),
    attempts: 5,
    topic: 'lianxin.registry.member.v1',
    partition: 2,
    offset: '41',
    groupId: 'pairing.members',
    failedAt: new Date('2026-01-02T03:04:05.000Z'),
  };

  it('keeps the original headers and adds where and why the message failed', () => {
    const headers = deadLetterHeaders(
      { traceparent: '00-abc-def-01', 'event-type': Buffer.from('registry.member.registered') },
      info,
    );
    expect(headers).toEqual({
      traceparent: '00-abc-def-01',
      'event-type': Buffer.from('registry.member.registered'),
      [DLQ_HEADERS.error]: 'TypeError: projection exploded',
      [DLQ_HEADERS.errorKind]: 'handler',
      [DLQ_HEADERS.attempts]: '5',
      [DLQ_HEADERS.originalTopic]: 'lianxin.registry.member.v1',
      [DLQ_HEADERS.originalPartition]: '2',
      [DLQ_HEADERS.originalOffset]: '41',
      [DLQ_HEADERS.consumerGroup]: 'pairing.members',
      [DLQ_HEADERS.failedAt]: '2026-01-02T03:04:05.000Z',
    });
  });

  it('overrides stale dlq headers of a message that was dead-lettered before and replayed', () => {
    const headers = deadLetterHeaders({ [DLQ_HEADERS.attempts]: '1' }, info);
    expect(headers[DLQ_HEADERS.attempts]).toBe('5');
  });

  it('truncates very long error messages', () => {
    const text = errorText(new Error('x'.repeat(10_000)));
    expect(text.length).toBe(2000);
    expect(text.endsWith('…')).toBe(true);
    expect(errorText('plain string')).toBe('plain string');
  });
});
