export {
  runWithRequestContext,
  getRequestContext,
  getCorrelationId,
  setRequestActor,
  type RequestContext,
  type RequestActor,
} from './context/request-context';
export { createLogger, fixedShapeLogger, type Logger, type LoggerOptions } from './logging/create-logger';
export { redactPaths } from './logging/redact-paths';
export {
  startTelemetry,
  getActiveTelemetry,
  type TelemetryOptions,
  type TelemetryHandle,
} from './tracing/start-telemetry';
export {
  startInMemoryTelemetry,
  type InMemoryTelemetry,
  type ReadableSpan,
} from './tracing/in-memory-telemetry';
export { getActiveTraceIds, type TraceIds } from './tracing/active-trace';
export { traceHeaders } from './tracing/trace-headers';
export {
  metricsRegistry,
  enableDefaultMetrics,
  httpRequestDuration,
  httpRequestsTotal,
  observeHttpRequest,
  renderMetrics,
  type HttpRequestObservation,
} from './metrics/metrics-registry';
