import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { getActiveTelemetry, startTelemetry, type TelemetryHandle } from './start-telemetry';

export type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

export interface InMemoryTelemetry extends TelemetryHandle {
  /** Spans that have ended so far, oldest first (flushes first: exports wait for resource detection). */
  finishedSpans(): Promise<ReadableSpan[]>;
  /** Forgets the spans collected so far. */
  reset(): void;
}

/**
 * Starts telemetry with an in-memory exporter, for tests that assert on spans (e.g. one trace id
 * across gateway → service → Kafka → consumer). Only one telemetry instance runs per process, so
 * call this before any other `startTelemetry` in the test process.
 */
export function startInMemoryTelemetry(serviceName: string): InMemoryTelemetry {
  if (getActiveTelemetry()) {
    // A second exporter would silently receive nothing; fail loudly instead.
    throw new Error('Telemetry is already running in this process; shut it down first.');
  }
  const exporter = new InMemorySpanExporter();
  const handle = startTelemetry({ serviceName, exporter });
  return {
    serviceName: handle.serviceName,
    flush: () => handle.flush(),
    shutdown: () => handle.shutdown(),
    finishedSpans: async () => {
      await handle.flush();
      return exporter.getFinishedSpans();
    },
    reset: () => exporter.reset(),
  };
}
