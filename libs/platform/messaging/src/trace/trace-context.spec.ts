import { context, propagation, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { extractTraceContext, injectTraceContext } from './trace-context';

const spanContext = {
  traceId: '0af7651916cd43dd8448eb211c80319c',
  spanId: 'b7ad6b7169203331',
  traceFlags: TraceFlags.SAMPLED,
};

describe('trace context in Kafka headers', () => {
  afterEach(() => propagation.disable());

  it('leaves headers untouched when no propagator is registered (no SDK)', () => {
    const headers = injectTraceContext(
      { 'event-type': 'x' },
      trace.setSpanContext(ROOT_CONTEXT, spanContext),
    );
    expect(headers).toEqual({ 'event-type': 'x' });
    expect(
      trace.getSpanContext(extractTraceContext({ traceparent: Buffer.from('00-aa-bb-01') }, ROOT_CONTEXT)),
    ).toBeUndefined();
  });

  it('round-trips traceparent through Buffer-valued Kafka headers with the W3C propagator', () => {
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    const headers = injectTraceContext({}, trace.setSpanContext(context.active(), spanContext));
    expect(headers['traceparent']).toBe('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
    const extracted = extractTraceContext(
      { traceparent: Buffer.from(headers['traceparent'] ?? '') },
      ROOT_CONTEXT,
    );
    expect(trace.getSpanContext(extracted)).toMatchObject({
      traceId: spanContext.traceId,
      spanId: spanContext.spanId,
      isRemote: true,
    });
  });
});
