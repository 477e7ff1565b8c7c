import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The process-wide Prometheus registry served at `/metrics`. Services register their own metrics
 * on it (`new Counter({ ..., registers: [metricsRegistry] })`).
 */
export const metricsRegistry = new Registry();

let defaultMetricsEnabled = false;

/** Adds Node's default process metrics (CPU, memory, event loop lag) once per process. */
export function enableDefaultMetrics(): void {
  if (defaultMetricsEnabled) return;
  defaultMetricsEnabled = true;
  collectDefaultMetrics({ register: metricsRegistry });
}

/** `route` is the route template (`/api/v1/members/:id`), never the raw URL, to bound cardinality. */
export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request duration in seconds, by method, route template and status code.',
  labelNames: ['method', 'route', 'status_code'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

export const httpRequestsTotal = new Counter({
  name: 'http_requests_total',
  help: 'HTTP requests handled, by method, route template and status code.',
  labelNames: ['method', 'route', 'status_code'] as const,
  registers: [metricsRegistry],
});

export interface HttpRequestObservation {
  readonly method: string;
  readonly route: string;
  readonly statusCode: number;
  readonly durationSeconds: number;
}

export function observeHttpRequest(observation: HttpRequestObservation): void {
  const labels = {
    method: observation.method,
    route: observation.route,
    status_code: String(observation.statusCode),
  };
  httpRequestDuration.observe(labels, observation.durationSeconds);
  httpRequestsTotal.inc(labels);
}

/** The text exposition format and its content type, for whatever serves `/metrics`. */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
}
