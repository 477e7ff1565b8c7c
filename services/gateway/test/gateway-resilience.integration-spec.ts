import request from 'supertest';
import { startGatewayUnderTest, type GatewayUnderTest } from './support/gateway-test-harness';

jest.setTimeout(60_000);

describe('rate limits', () => {
  let gw: GatewayUnderTest;
  beforeAll(async () => {
    gw = await startGatewayUnderTest({
      RATE_LIMIT_PER_TOKEN: '3',
      RATE_LIMIT_PUBLIC_PER_IP: '2',
      RATE_LIMIT_TOKEN_ISSUE_PER_IP: '2',
    });
  });
  afterAll(() => gw.close());

  it('answers 429 problem+json with Retry-After once a token used its budget, other tokens unaffected', async () => {
    const token = await gw.token('taoyuan.district-admin');
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let i = 0; i < 4; i += 1) {
      last = await request(gw.server)
        .get('/api/v1/members')
        .set('authorization', `Bearer ${token}`)
        .set('x-correlation-id', `rate-limit-000${i}`);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    expect(last?.headers['content-type']).toMatch(/problem\+json/);
    expect(last?.body).toMatchObject({ status: 429, correlationId: 'rate-limit-0003' });
    const other = await request(gw.server)
      .get('/api/v1/members')
      .set('authorization', `Bearer ${await gw.token('xishan.district-admin')}`);
    expect(other.status).toBe(200);
  });

  it('limits /public per client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await request(gw.server).get('/public/boards')).status);
    expect(statuses).toEqual([404, 404, 429]);
  });

  it('limits token requests per client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      statuses.push(
        (
          await request(gw.server)
            .post('/api/v1/auth/token')
            .send({ username: 'taoyuan.member', password: 'guess' })
        ).status,
      );
    }
    expect(statuses).toEqual([401, 401, 429]);
  });
});

describe('upstream failures', () => {
  let gw: GatewayUnderTest;
  beforeAll(async () => {
    gw = await startGatewayUnderTest();
    // The pairing service goes away after the gateway learned its API.
    await gw.upstreams.pairing.close();
  });
  afterAll(() => gw.close());

  it('answers 502 problem+json with the correlation id, then 503 with Retry-After once the circuit opens', async () => {
    const token = await gw.token('taoyuan.district-admin');
    const first = await request(gw.server)
      .get('/api/v1/visits')
      .set('authorization', `Bearer ${token}`)
      .set('x-correlation-id', 'upstream-down-0001');
    expect(first.status).toBe(502);
    expect(first.headers['content-type']).toMatch(/problem\+json/);
    expect(first.body).toMatchObject({
      status: 502,
      correlationId: 'upstream-down-0001',
      upstream: 'pairing',
    });

    let last = first;
    for (let i = 0; i < 10 && last.status !== 503; i += 1) {
      last = await request(gw.server).get('/api/v1/visits').set('authorization', `Bearer ${token}`);
    }
    expect(last.status).toBe(503);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    expect(last.body.upstream).toBe('pairing');
  });

  it('keeps serving the other upstream', async () => {
    const res = await request(gw.server)
      .get('/api/v1/members')
      .set('authorization', `Bearer ${await gw.token('taoyuan.district-admin')}`);
    expect(res.status).toBe(200);
  });
});
