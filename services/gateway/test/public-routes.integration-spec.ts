import request from 'supertest';
import { startGatewayUnderTest, type GatewayUnderTest } from './support/gateway-test-harness';
import { PUBLIC_CARD_ID } from './support/scoped-upstream';

jest.setTimeout(60_000);

const PUBLIC_LIMIT = 4;

describe('/public: the member card behind a QR code, without a token', () => {
  let gw: GatewayUnderTest;
  beforeAll(async () => {
    gw = await startGatewayUnderTest({ RATE_LIMIT_PUBLIC_PER_IP: String(PUBLIC_LIMIT) });
  });
  afterAll(() => gw.close());

  it('forwards without a token, never passes credentials on, and echoes the correlation id', async () => {
    const res = await request(gw.server)
      .get(`/public/member-cards/${PUBLIC_CARD_ID}`)
      .set('x-correlation-id', 'public-card-0001')
      // A resident's browser may carry anything; none of it reaches the service.
      .set('authorization', 'Bearer not-a-token')
      .set('cookie', 'sid=1');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ cardId: PUBLIC_CARD_ID, name: '张三' });
    expect(res.headers['x-correlation-id']).toBe('public-card-0001');
    expect(res.headers['ratelimit-policy']).toMatch(/"public"; q=4/);
    const seen = gw.upstreams.registry.received.find(
      (item) => item.headers['x-correlation-id'] === 'public-card-0001',
    );
    expect(seen?.headers.authorization).toBeUndefined();
    expect(seen?.headers.cookie).toBeUndefined();
  });

  it('passes a malformed card id on to the service, whose 400 problem+json names the field', async () => {
    const res = await request(gw.server).get('/public/member-cards/not-a-card');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'cardId' })]);
  });

  it('answers 429 problem+json with Retry-After once the client address used its budget', async () => {
    // Two requests above were counted against this address already.
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let i = 0; i < PUBLIC_LIMIT - 1; i += 1) {
      last = await request(gw.server)
        .get(`/public/member-cards/${PUBLIC_CARD_ID}`)
        .set('x-correlation-id', `public-limit-000${i}`);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    expect(last?.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(last?.body).toMatchObject({
      status: 429,
      correlationId: 'public-limit-0002',
      instance: `/public/member-cards/${PUBLIC_CARD_ID}`,
    });
    // The authenticated API has its own, per-token budget.
    const api = await request(gw.server)
      .get('/api/v1/members')
      .set('authorization', `Bearer ${await gw.token('taoyuan.district-admin')}`);
    expect(api.status).toBe(200);
  });

  it('lists the route in the merged OpenAPI document as public, with its error responses', async () => {
    const res = await request(gw.server).get('/openapi.json');
    const operation = res.body.paths['/public/member-cards/{cardId}']?.get as
      { security: unknown[]; responses: Record<string, unknown>; 'x-lianxin-upstream': string } | undefined;
    expect(operation).toBeDefined();
    expect(operation?.security).toEqual([]);
    expect(operation?.['x-lianxin-upstream']).toBe('registry');
    expect(Object.keys(operation?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '400', '404', '429', '502', '503', '504']),
    );
    expect(Object.keys(operation?.responses ?? {})).not.toContain('401');
  });
});
