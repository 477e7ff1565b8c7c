import { SpanKind } from '@opentelemetry/api';
import request from 'supertest';
import { startInMemoryTelemetry, type InMemoryTelemetry } from '@lianxin/platform-telemetry';
import { startGatewayUnderTest, type GatewayUnderTest } from './support/gateway-test-harness';

jest.setTimeout(60_000);

const CALLER_TRACE = '0af7651916cd43dd8448eb211c80319c';
const CALLER_SPAN = 'b7ad6b7169203331';

describe('read fast lane: tracing, Server-Timing and the shared token budget', () => {
  let telemetry: InMemoryTelemetry;
  let gw: GatewayUnderTest;
  beforeAll(async () => {
    telemetry = startInMemoryTelemetry('gateway-read-lane-test');
    gw = await startGatewayUnderTest({ RATE_LIMIT_PER_TOKEN: '4', SERVER_TIMING: '1' });
  });
  afterAll(async () => {
    await gw.close();
    await telemetry.shutdown();
  });

  it('records one SERVER span per read, child of the caller, parent of the upstream call', async () => {
    telemetry.reset();
    const res = await request(gw.server)
      .get('/api/v1/members')
      .set('authorization', `Bearer ${await gw.token('taoyuan.district-admin')}`)
      .set('x-correlation-id', 'lane-trace-0001')
      .set('traceparent', `00-${CALLER_TRACE}-${CALLER_SPAN}-01`);
    expect(res.status).toBe(200);
    const servers = (await telemetry.finishedSpans()).filter(
      (span) => span.kind === SpanKind.SERVER && span.spanContext().traceId === CALLER_TRACE,
    );
    expect(servers).toHaveLength(1);
    const [server] = servers;
    expect(server?.parentSpanContext?.spanId).toBe(CALLER_SPAN);
    expect(server?.attributes).toMatchObject({
      'http.request.method': 'GET',
      'http.route': '/api/v1/*path',
      'http.response.status_code': 200,
    });
    const sent = gw.upstreams.registry.received.find(
      (item) => item.headers['x-correlation-id'] === 'lane-trace-0001',
    );
    expect(sent?.headers['traceparent']).toBe(`00-${CALLER_TRACE}-${server?.spanContext().spanId}-01`);
    expect(res.headers['traceparent']).toBe(sent?.headers['traceparent']);
  });

  it('names the upstream time in Server-Timing on both lanes when SERVER_TIMING is set', async () => {
    const token = `Bearer ${await gw.token('city.city-admin')}`;
    const read = await request(gw.server).get('/api/v1/members').set('authorization', token);
    const write = await request(gw.server)
      .post('/api/v1/members')
      .set('authorization', token)
      .send({ orgPath: '/lx/taoyuan/dahe/', name: 'timed' });
    expect([read.status, write.status]).toEqual([200, 201]);
    for (const res of [read, write])
      expect(res.headers['server-timing']).toMatch(/^upstream;dur=\d+\.\d{3}$/);
  });

  it('counts reads (fast lane) and writes (Nest) against one budget per token', async () => {
    const token = `Bearer ${await gw.token('taoyuan.township-admin')}`;
    const statuses = [
      (await request(gw.server).get('/api/v1/members').set('authorization', token)).status,
      (await request(gw.server).get('/api/v1/members').set('authorization', token)).status,
      (
        await request(gw.server)
          .post('/api/v1/members')
          .set('authorization', token)
          .send({ orgPath: '/lx/taoyuan/dahe/', name: 'x' })
      ).status,
      (await request(gw.server).get('/api/v1/members').set('authorization', token)).status,
      (
        await request(gw.server)
          .post('/api/v1/members')
          .set('authorization', token)
          .send({ orgPath: '/lx/taoyuan/dahe/', name: 'x' })
      ).status,
    ];
    expect(statuses).toEqual([200, 200, 201, 200, 429]);
  });
});
