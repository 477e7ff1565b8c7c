import { context, propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK } from '@opentelemetry/sdk-node';
import {
  BatchSpanProcessor,
  NoopSpanProcessor,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { modulesLoadedBeforeTelemetry } from './late-start-check';

export interface TelemetryOptions {
  /** `service.name` on every span, e.g. `member-registry`. */
  readonly serviceName: string;
  /** OTLP/HTTP collector base URL (`OTEL_EXPORTER_OTLP_ENDPOINT`); spans go to `<url>/v1/traces`. */
  readonly otlpEndpoint?: string;
  /**
   * An exporter to use instead of OTLP, e.g. an `InMemorySpanExporter` in tests. Spans are handed
   * to it one by one (no batching) so a test can read them as soon as a request finishes.
   */
  readonly exporter?: SpanExporter;
}

export interface TelemetryHandle {
  readonly serviceName: string;
  /** Exports every span that has ended so far (resource detection can delay exports). */
  flush(): Promise<void>;
  /** Flushes pending spans and unregisters the global providers (so a later start works). */
  shutdown(): Promise<void>;
}

let active: TelemetryHandle | undefined;

/** The running telemetry instance, if `startTelemetry` was called in this process. */
export function getActiveTelemetry(): TelemetryHandle | undefined {
  return active;
}

/**
 * Starts OpenTelemetry tracing for the process: http, express, pg and NestJS instrumentation,
 * W3C trace-context propagation, and an exporter chosen from the options (explicit exporter,
 * else OTLP when an endpoint is given, else none — spans still get ids so logs and outgoing
 * `traceparent` headers stay correlated).
 *
 * Call it before anything imports http, express or pg: instrumentation patches modules as they
 * are loaded. Calling it again returns the running instance.
 */
export function startTelemetry(options: TelemetryOptions): TelemetryHandle {
  if (active) return active;
  const early = modulesLoadedBeforeTelemetry(Object.keys(require.cache));
  if (early.length > 0) {
    process.emitWarning(
      `Telemetry started after ${early.join(', ')} was loaded: their spans will be missing. ` +
        'Call startTelemetry in its own module and import that module on the first line of main.ts.',
      { code: 'LIANXIN_TELEMETRY_LATE' },
    );
  }

  const spanProcessor = chooseSpanProcessor(options);
  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    textMapPropagator: new W3CTraceContextPropagator(),
    instrumentations: [
      new HttpInstrumentation(),
      // No span per middleware or router layer (helmet, CORS, body parsing, Nest's router…): a
      // dozen spans per request that say nothing the server span and the handler span don't,
      // and cost a visible share of a busy service's CPU and GC (ADR 0009).
      new ExpressInstrumentation({
        ignoreLayersType: [ExpressLayerType.MIDDLEWARE, ExpressLayerType.ROUTER],
      }),
      new PgInstrumentation(),
      new NestInstrumentation(),
    ],
    spanProcessors: [spanProcessor],
    // Explicit empty lists stop the SDK from configuring OTLP log/metric exporters from OTEL_*
    // variables: logs go through pino and metrics through prom-client.
    logRecordProcessors: [],
    metricReaders: [],
  });
  sdk.start();

  const handle: TelemetryHandle = {
    serviceName: options.serviceName,
    flush: () => spanProcessor.forceFlush(),
    async shutdown() {
      await sdk.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
      if (active === handle) active = undefined;
    },
  };
  active = handle;
  return handle;
}

function chooseSpanProcessor(options: TelemetryOptions): SpanProcessor {
  if (options.exporter) return new SimpleSpanProcessor(options.exporter);
  if (options.otlpEndpoint) {
    const url = `${options.otlpEndpoint.replace(/\/+$/, '')}/v1/traces`;
    return new BatchSpanProcessor(new OTLPTraceExporter({ url }));
  }
  return new NoopSpanProcessor();
}
