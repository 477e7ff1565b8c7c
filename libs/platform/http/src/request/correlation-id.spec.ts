import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { correlationIdOf, rememberCorrelationId } from './correlation-id';

const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/;

describe('correlationIdOf', () => {
  it('returns the id remembered for that request and no other', () => {
    const first = new IncomingMessage(new Socket());
    const second = new IncomingMessage(new Socket());
    rememberCorrelationId(first, 'corr-0001-first');
    rememberCorrelationId(second, 'corr-0002-second');
    expect(correlationIdOf(first)).toBe('corr-0001-first');
    expect(correlationIdOf(second)).toBe('corr-0002-second');
  });

  it('makes up a fresh UUID for a request that was never given one', () => {
    const unseen = new IncomingMessage(new Socket());
    expect(correlationIdOf(unseen)).toMatch(UUID);
    expect(correlationIdOf(unseen)).not.toBe(correlationIdOf(unseen));
  });
});
