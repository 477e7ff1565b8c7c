import { isSpanContextValid, trace } from '@opentelemetry/api';

export interface TraceIds {
  readonly traceId: string;
  readonly spanId: string;
}

/** Ids of the active span, if there is a valid one (none before telemetry starts or outside spans). */
export function getActiveTraceIds(): TraceIds | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (!spanContext || !isSpanContextValid(spanContext)) return undefined;
  return { traceId: spanContext.traceId, spanId: spanContext.spanId };
}
