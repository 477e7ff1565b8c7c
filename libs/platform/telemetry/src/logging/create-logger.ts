import pino, { type DestinationStream, type Logger, type LevelWithSilent } from 'pino';
import { getCorrelationId } from '../context/request-context';
import { getActiveTraceIds } from '../tracing/active-trace';
import { redactPaths } from './redact-paths';

export type { Logger } from 'pino';

export interface LoggerOptions {
  /** Log level; services pass `LOG_LEVEL` from their config. Default `info`. */
  readonly level?: LevelWithSilent;
  /** Where JSON lines go; default stdout. Tests pass a stream to read the lines back. */
  readonly destination?: DestinationStream;
}

/**
 * A pino JSON logger. Every line carries `trace_id`/`span_id` from the active OpenTelemetry span
 * and `correlation_id` from the request context, so one request can be followed across services,
 * and sensitive fields (Authorization, cookies, ID numbers, phones) are replaced by `[REDACTED]`.
 */
export function createLogger(name: string, options: LoggerOptions = {}): Logger {
  return pino(
    {
      name,
      level: options.level ?? 'info',
      base: { service: name },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: [...redactPaths], censor: '[REDACTED]' },
      mixin: traceMixin,
    },
    options.destination,
  );
}

const unredacted = new WeakMap<Logger, Logger>();

/**
 * A child of `logger` that skips redaction, for lines whose fields are fixed and hold nothing
 * sensitive by construction — the one request line per request (method, route, path without the
 * query string, status, duration, actor id, trace and correlation ids). Matching ~40 redaction
 * paths, wildcards included, cost about twice the rest of such a line. Never pass it objects
 * from elsewhere (request bodies, headers, errors): those need the parent's redaction.
 */
export function fixedShapeLogger(logger: Logger): Logger {
  let child = unredacted.get(logger);
  if (!child) {
    child = logger.child({}, { redact: { paths: [], censor: '[REDACTED]' } });
    unredacted.set(logger, child);
  }
  return child;
}

function traceMixin(): Record<string, string> {
  const fields: Record<string, string> = {};
  const ids = getActiveTraceIds();
  if (ids) {
    fields['trace_id'] = ids.traceId;
    fields['span_id'] = ids.spanId;
  }
  const correlationId = getCorrelationId();
  if (correlationId) fields['correlation_id'] = correlationId;
  return fields;
}
