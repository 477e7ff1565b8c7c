import { downstreamResponseHeaders, isValidTraceparent, upstreamRequestHeaders } from './forwarded-headers';

const context = {
  correlationId: 'corr-0001',
  traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
  clientAddress: '10.0.0.9',
  protocol: 'http',
  host: 'gateway.local',
  stripCredentials: false,
};

describe('forwarded headers', () => {
  it('passes Authorization and Idempotency-Key unchanged and drops hop-by-hop headers', () => {
    const headers = upstreamRequestHeaders(
      {
        authorization: 'Bearer abc',
        'idempotency-key': 'k1',
        connection: 'keep-alive, x-secret',
        'x-secret': 's',
        host: 'gateway.local',
        te: 'trailers',
      },
      context,
    );
    expect(headers).toMatchObject({
      authorization: 'Bearer abc',
      'idempotency-key': 'k1',
      'x-correlation-id': 'corr-0001',
      traceparent: context.traceparent,
    });
    expect(headers).not.toHaveProperty('connection');
    expect(headers).not.toHaveProperty('x-secret');
    expect(headers).not.toHaveProperty('host');
    expect(headers).not.toHaveProperty('te');
  });

  it('appends the client to X-Forwarded-For and never lets a caller forge the correlation id header twice', () => {
    const headers = upstreamRequestHeaders(
      { 'x-forwarded-for': '1.2.3.4', 'x-correlation-id': 'caller-value' },
      context,
    );
    expect(headers['x-forwarded-for']).toBe('1.2.3.4, 10.0.0.9');
    expect(headers['x-correlation-id']).toBe('corr-0001');
  });

  it('strips credentials on public routes', () => {
    const headers = upstreamRequestHeaders(
      { authorization: 'Bearer abc', cookie: 'a=b' },
      { ...context, stripCredentials: true },
    );
    expect(headers).not.toHaveProperty('authorization');
    expect(headers).not.toHaveProperty('cookie');
  });

  it('drops hop-by-hop response headers', () => {
    expect(
      downstreamResponseHeaders({
        'transfer-encoding': 'chunked',
        'content-type': 'application/json',
        'Keep-Alive': 'x',
      }),
    ).toEqual({ 'content-type': 'application/json' });
  });

  it('validates traceparent values', () => {
    expect(isValidTraceparent(context.traceparent)).toBe(true);
    expect(isValidTraceparent('00-00000000000000000000000000000000-b7ad6b7169203331-01')).toBe(false);
    expect(isValidTraceparent('garbage')).toBe(false);
    expect(isValidTraceparent(undefined)).toBe(false);
  });
});
