import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import request from 'supertest';
import { ROUTE_TABLE } from '../src/routing/route-table';
import { startGatewayUnderTest, type GatewayUnderTest } from './support/gateway-test-harness';
import { DISTRICTS, fakeOpenApi, fakeRoutes } from './support/scoped-upstream';

jest.setTimeout(60_000);

const READ_TIMEOUT_MS = 400;
const WRITE_TIMEOUT_MS = 600;

/**
 * A registry that serves its OpenAPI document, then takes requests and never answers them. The
 * first hit of each method on `/api/v1/members/{id}` instead resets the connection, so the retry
 * policy shows: a GET is sent again (and then runs into the deadline), a PATCH is not.
 */
interface HangingUpstream {
  readonly origin: string;
  readonly hits: Map<string, number>;
  close(): Promise<void>;
}

async function startHangingUpstream(): Promise<HangingUpstream> {
  const document = JSON.stringify(fakeOpenApi('registry', fakeRoutes()));
  const hits = new Map<string, number>();
  const held: ServerResponse[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/openapi.json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(document);
      return;
    }
    const key = `${req.method ?? ''} ${(req.url ?? '').split('?')[0] ?? ''}`;
    const count = (hits.get(key) ?? 0) + 1;
    hits.set(key, count);
    req.resume();
    if ((req.url ?? '').startsWith('/api/v1/members/') && count === 1) {
      req.socket.destroy();
      return;
    }
    held.push(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    async close() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('an upstream that accepts requests and never answers', () => {
  let upstream: HangingUpstream;
  let gw: GatewayUnderTest;

  beforeAll(async () => {
    upstream = await startHangingUpstream();
    gw = await startGatewayUnderTest(
      { UPSTREAM_REGISTRY_URL: upstream.origin },
      {
        routeTable: ROUTE_TABLE.map((route) => ({
          ...route,
          readTimeoutMs: READ_TIMEOUT_MS,
          writeTimeoutMs: WRITE_TIMEOUT_MS,
        })),
      },
    );
  });
  afterAll(async () => {
    await gw.close();
    await upstream.close();
  });

  it('answers a GET with 504 problem+json carrying the correlation id of the response header', async () => {
    const started = Date.now();
    const res = await request(gw.server)
      .get('/api/v1/members')
      .set('authorization', `Bearer ${await gw.token('taoyuan.district-admin')}`);
    const elapsed = Date.now() - started;
    expect(res.status).toBe(504);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const correlationId = res.headers['x-correlation-id'];
    expect(correlationId).toEqual(expect.any(String));
    expect(res.body).toMatchObject({
      type: 'urn:lianxin:problem:upstream-timeout',
      status: 504,
      upstream: 'registry',
      correlationId,
      instance: '/api/v1/members',
    });
    // The route's read budget, not undici's defaults, decided when to give up.
    expect(elapsed).toBeGreaterThanOrEqual(READ_TIMEOUT_MS - 20);
    expect(elapsed).toBeLessThan(READ_TIMEOUT_MS + 2_000);
    // A request that reached the service and hung is not sent again: the budget is spent.
    expect(upstream.hits.get('GET /api/v1/members')).toBe(1);
  });

  it('retries a GET after a connection reset, then gives up at the deadline with 504', async () => {
    const path = '/api/v1/members/0190b000-0000-7000-8000-000000000003';
    const res = await request(gw.server)
      .get(path)
      .set('authorization', `Bearer ${await gw.token('taoyuan.district-admin')}`)
      .set('x-correlation-id', 'timeout-retry-0001');
    expect(res.status).toBe(504);
    expect(res.headers['x-correlation-id']).toBe('timeout-retry-0001');
    expect(res.body).toMatchObject({ status: 504, correlationId: 'timeout-retry-0001' });
    expect(upstream.hits.get(`GET ${path}`)).toBe(2);
  });

  it('never repeats a POST: one upstream hit, then 504 problem+json at the write timeout', async () => {
    const res = await request(gw.server)
      .post('/api/v1/members')
      .set('authorization', `Bearer ${await gw.token('taoyuan.district-admin')}`)
      .send({ orgPath: DISTRICTS.taoyuan.township, name: 'x' });
    expect(res.status).toBe(504);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 504, correlationId: res.headers['x-correlation-id'] });
    expect(upstream.hits.get('POST /api/v1/members')).toBe(1);
  });

  it('never repeats a PATCH whose connection broke: one upstream hit, 502 problem+json', async () => {
    const path = '/api/v1/members/0190b000-0000-7000-8000-000000000003';
    const res = await request(gw.server)
      .patch(path)
      .set('authorization', `Bearer ${await gw.token('taoyuan.district-admin')}`)
      .set('x-correlation-id', 'reset-patch-0001')
      .send({ name: 'renamed' });
    expect(res.status).toBe(502);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 502, correlationId: 'reset-patch-0001', upstream: 'registry' });
    expect(upstream.hits.get(`PATCH ${path}`)).toBe(1);
  });
});
