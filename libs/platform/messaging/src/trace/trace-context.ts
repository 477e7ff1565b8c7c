import { context, propagation, type Context, type TextMapGetter } from '@opentelemetry/api';

/** Kafka header values arrive as Buffers (or arrays of them); the propagator wants strings. */
export type KafkaHeaderValue = Buffer | string | (Buffer | string)[] | undefined;
export type KafkaHeaders = Record<string, KafkaHeaderValue>;

const kafkaHeaderGetter: TextMapGetter<KafkaHeaders> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => {
    const value = carrier[key];
    if (value === undefined) return undefined;
    const first = Array.isArray(value) ? value[0] : value;
    return first === undefined ? undefined : first.toString();
  },
};

/**
 * Writes the current trace context (`traceparent`, `tracestate`) into a header map. With no
 * OpenTelemetry SDK registered the global propagator is a no-op and the map is left as it was,
 * which is what a service without telemetry should get.
 */
export function injectTraceContext(
  headers: Record<string, string>,
  from: Context = context.active(),
): Record<string, string> {
  propagation.inject(from, headers);
  return headers;
}

/** The context a consumer should run its handler in: the producer's trace as parent. */
export function extractTraceContext(
  headers: KafkaHeaders | undefined,
  base: Context = context.active(),
): Context {
  return headers ? propagation.extract(base, headers, kafkaHeaderGetter) : base;
}

export function headerString(headers: KafkaHeaders | undefined, key: string): string | undefined {
  return headers ? kafkaHeaderGetter.get(headers, key)?.toString() : undefined;
}
