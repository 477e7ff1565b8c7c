import { Controller, Get, Inject, Module, type INestApplication } from '@nestjs/common';
import request from 'supertest';
import {
  startInMemoryTelemetry,
  traceHeaders,
  type InMemoryTelemetry,
  type Logger,
} from '@lianxin/platform-telemetry';
import { captureLogs } from '../testing/capture-logs';
import { createHttpApp } from './create-http-app';

const LOGGER = Symbol('LOGGER');
const logs = captureLogs('observed');

@Controller('api/v1/visits')
class VisitsController {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  @Get(':id')
  get(): { ok: true } {
    this.logger.info({ idNumber: '110101199003074514' }, 'visit read');
    return { ok: true };
  }
}

@Module({ controllers: [VisitsController], providers: [{ provide: LOGGER, useValue: logs.logger }] })
class VisitsModule {}

describe('createHttpApp observability', () => {
  let telemetry: InMemoryTelemetry;
  let app: INestApplication;
  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  const token = 'Bearer eyJhbGciOiJSUzI1NiJ9.c2VjcmV0LWNsYWltcw.c2lnbmF0dXJl';

  beforeAll(async () => {
    telemetry = startInMemoryTelemetry('observed');
    app = await createHttpApp(VisitsModule, { serviceName: 'observed', logger: logs.logger });
    await request(app.getHttpServer())
      .get('/api/v1/visits/0190a000-0000-7000-8000-0000000000aa')
      .set('traceparent', `00-${traceId}-00f067aa0ba902b7-01`)
      .set('x-correlation-id', 'journey-0001')
      .set('authorization', token)
      .expect(200);
  });
  afterAll(async () => {
    await app.close();
    await telemetry.shutdown();
  });

  it('logs carry the caller trace id and the correlation id', () => {
    const handlerLine = logs.lines().find((line) => line['msg'] === 'visit read');
    const requestLine = logs.lines().find((line) => line['msg'] === 'request completed');
    for (const line of [handlerLine, requestLine]) {
      expect(line).toMatchObject({ trace_id: traceId, correlation_id: 'journey-0001' });
      expect(line?.['span_id']).toMatch(/^[0-9a-f]{16}$/);
    }
    expect(requestLine).toMatchObject({ route: '/api/v1/visits/:id', statusCode: 200, method: 'GET' });
  });

  it('never logs the Authorization header or ID numbers', () => {
    expect(logs.text()).not.toContain('eyJhbGciOiJSUzI1NiJ9');
    expect(logs.text()).not.toContain('110101199003074514');
  });

  it('records a server span continuing the caller trace', async () => {
    const spans = await telemetry.finishedSpans();
    const server = spans.find((span) => span.name === 'GET /api/v1/visits/:id');
    expect(server?.spanContext().traceId).toBe(traceId);
    expect(server?.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
  });

  it('exposes request counters, the duration histogram and process metrics at /metrics', async () => {
    const res = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(
      /http_requests_total\{method="GET",route="\/api\/v1\/visits\/:id",status_code="200"\} \d+/,
    );
    expect(res.text).toContain(
      'http_request_duration_seconds_bucket{le="0.005",method="GET",route="/api/v1/visits/:id"',
    );
    expect(res.text).toContain('process_cpu_user_seconds_total');
  });
});

describe('a trace across two apps', () => {
  let telemetry: InMemoryTelemetry;
  let upstream: INestApplication;
  let edge: INestApplication;
  let upstreamUrl = '';

  @Controller('api/v1/members')
  class UpstreamController {
    @Get()
    list(): string[] {
      return [];
    }
  }

  @Controller('edge')
  class EdgeController {
    @Get()
    async forward(): Promise<unknown> {
      const response = await fetch(`${upstreamUrl}/api/v1/members`, { headers: traceHeaders() });
      return response.json();
    }
  }

  @Module({ controllers: [UpstreamController] })
  class UpstreamModule {}
  @Module({ controllers: [EdgeController] })
  class EdgeModule {}

  beforeAll(async () => {
    telemetry = startInMemoryTelemetry('two-apps');
    const silent = captureLogs('two-apps').logger;
    upstream = await createHttpApp(UpstreamModule, { serviceName: 'upstream', logger: silent });
    await upstream.listen(0, '127.0.0.1');
    upstreamUrl = await upstream.getUrl();
    edge = await createHttpApp(EdgeModule, { serviceName: 'edge', logger: silent });
  });
  afterAll(async () => {
    await edge.close();
    await upstream.close();
    await telemetry.shutdown();
  });

  it('continues the edge span in the upstream when the call carries traceHeaders()', async () => {
    await request(edge.getHttpServer()).get('/edge').expect(200);
    const spans = await telemetry.finishedSpans();
    const edgeSpan = spans.find((span) => span.name === 'GET /edge');
    const upstreamSpan = spans.find((span) => span.name === 'GET /api/v1/members');
    expect(upstreamSpan?.spanContext().traceId).toBe(edgeSpan?.spanContext().traceId);
    expect(upstreamSpan?.parentSpanContext?.spanId).toBe(edgeSpan?.spanContext().spanId);
  });
});
