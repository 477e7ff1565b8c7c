import { trace } from '@opentelemetry/api';
import { Writable } from 'node:stream';
import { runWithRequestContext } from '../context/request-context';
import { startInMemoryTelemetry, type InMemoryTelemetry } from '../tracing/in-memory-telemetry';
import { createLogger, fixedShapeLogger } from './create-logger';

function capture(): { destination: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  return {
    destination,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('createLogger', () => {
  let telemetry: InMemoryTelemetry;

  beforeAll(() => {
    telemetry = startInMemoryTelemetry('logger-test');
  });
  afterAll(async () => {
    await telemetry.shutdown();
  });

  it('writes JSON lines carrying trace_id, span_id and correlation_id', () => {
    const out = capture();
    const logger = createLogger('registry', { destination: out.destination });
    let traceId = '';
    let spanId = '';
    runWithRequestContext({ correlationId: 'corr-0001-abcd' }, () => {
      trace.getTracer('test').startActiveSpan('work', (span) => {
        traceId = span.spanContext().traceId;
        spanId = span.spanContext().spanId;
        logger.info({ orgUnitId: 'u-1' }, 'member registered');
        span.end();
      });
    });
    expect(out.lines()).toEqual([
      expect.objectContaining({
        level: 'info',
        service: 'registry',
        msg: 'member registered',
        orgUnitId: 'u-1',
        trace_id: traceId,
        span_id: spanId,
        correlation_id: 'corr-0001-abcd',
      }),
    ]);
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('omits the ids outside a span and a request', () => {
    const out = capture();
    createLogger('registry', { destination: out.destination }).info('startup');
    const [line] = out.lines();
    expect(line).not.toHaveProperty('trace_id');
    expect(line).not.toHaveProperty('correlation_id');
  });

  it('never writes authorization headers, cookies, ID numbers or phone numbers', () => {
    const out = capture();
    const logger = createLogger('registry', { destination: out.destination });
    logger.info(
      {
        req: { headers: { authorization: 'Bearer eyJhbGciOi.secret.sig', cookie: 'sid=1' } },
        headers: { authorization: 'Bearer other' },
        member: { idNumber: '110101199003074514', phone: '13800138000', mobile: '13900139000' },
        input: { body: { id_number: '110101199003074514', phoneNumber: '13700137000' } },
        phone: '13600136000',
      },
      'request',
    );
    const text = JSON.stringify(out.lines());
    for (const secret of [
      'eyJhbGciOi',
      'sid=1',
      'Bearer other',
      '110101199003074514',
      '13800138000',
      '13900139000',
      '13700137000',
      '13600136000',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('[REDACTED]');
  });

  it('drops the offending values database errors repeat', () => {
    const out = capture();
    const error = Object.assign(new Error('duplicate key'), {
      detail: 'Key (phone)=(13800138000) already exists.',
      parameters: ['13800138000'],
    });
    createLogger('registry', { destination: out.destination }).error({ err: error }, 'insert failed');
    expect(JSON.stringify(out.lines())).not.toContain('13800138000');
  });

  it('writes fixed-shape lines (the request line) through an unredacted child with the same bindings', () => {
    const out = capture();
    const logger = createLogger('gateway', { destination: out.destination });
    const line = fixedShapeLogger(logger);
    expect(fixedShapeLogger(logger)).toBe(line);
    runWithRequestContext({ correlationId: 'corr-0002-abcd' }, () =>
      line.info({ method: 'GET', route: '/api/v1/*path', statusCode: 200 }, 'request completed'),
    );
    expect(out.lines()).toEqual([
      expect.objectContaining({
        level: 'info',
        service: 'gateway',
        msg: 'request completed',
        method: 'GET',
        route: '/api/v1/*path',
        statusCode: 200,
        correlation_id: 'corr-0002-abcd',
      }),
    ]);
    // The parent keeps redacting.
    logger.info({ phone: '13800138000' }, 'x');
    expect(JSON.stringify(out.lines())).not.toContain('13800138000');
  });
});
