import { context, propagation, trace } from '@opentelemetry/api';
import { startInMemoryTelemetry, type InMemoryTelemetry } from './in-memory-telemetry';
import { startTelemetry } from './start-telemetry';

describe('startInMemoryTelemetry', () => {
  let telemetry: InMemoryTelemetry;

  beforeAll(() => {
    telemetry = startInMemoryTelemetry('journey-test');
  });
  afterAll(async () => {
    await telemetry.shutdown();
  });

  it('collects finished spans with the service name', async () => {
    telemetry.reset();
    trace.getTracer('test').startActiveSpan('handle visit', (span) => span.end());
    const spans = await telemetry.finishedSpans();
    expect(spans.map((span) => span.name)).toEqual(['handle visit']);
    expect(spans[0]?.resource.attributes['service.name']).toBe('journey-test');
  });

  it('propagates W3C trace context', () => {
    const carrier: Record<string, string> = {};
    trace.getTracer('test').startActiveSpan('outgoing', (span) => {
      propagation.inject(context.active(), carrier);
      span.end();
    });
    expect(carrier['traceparent']).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    const extracted = trace.getSpanContext(propagation.extract(context.active(), carrier));
    expect(extracted?.traceId).toBe(carrier['traceparent']?.split('-')[1]);
  });

  it('refuses a second exporter while one is running, and startTelemetry returns the running one', () => {
    expect(() => startInMemoryTelemetry('other')).toThrow(/already running/);
    expect(startTelemetry({ serviceName: 'other' }).serviceName).toBe('journey-test');
  });
});
