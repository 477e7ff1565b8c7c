import { Controller, Get, HttpCode, Module, Post, type INestApplication } from '@nestjs/common';
import request from 'supertest';
import { z } from 'zod';
import { captureLogs } from '../testing/capture-logs';
import {
  ApiRoute,
  BusinessRuleError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthorizedError,
  ValidationError,
  ZodBody,
  ZodParams,
  ZodQuery,
} from '../index';
import { createHttpApp } from './create-http-app';

const createThing = z.strictObject({ name: z.string().min(1), size: z.number().int().positive() });
const thingParams = z.strictObject({ id: z.uuid() });
const listQuery = z.strictObject({ page: z.coerce.number().int().min(1).optional() });

const failures: Record<string, () => Error> = {
  'not-found': () => new NotFoundError('thing 42 was not found'),
  conflict: () => new ConflictError('thing is already closed', { allowed: ['reopen', 'archive'] }),
  'business-rule': () => new BusinessRuleError('quota exceeded', { rule: 'pairing-quota' }),
  forbidden: () => new ForbiddenError('outside your scope'),
  validation: () => new ValidationError('bad', [{ field: 'x', message: 'nope' }]),
  unauthorized: () => new UnauthorizedError('token expired'),
  crash: () => new Error('connection to 10.0.0.7 failed: password=hunter2'),
};

@Controller('api/v1/things')
class ThingsController {
  @Post()
  @ApiRoute({ summary: 'Create a thing', action: 'test.thing.write', responses: { 201: createThing } })
  create(@ZodBody(createThing) body: z.infer<typeof createThing>): z.infer<typeof createThing> {
    return body;
  }

  @Get()
  list(@ZodQuery(listQuery) query: z.infer<typeof listQuery>): { page: number } {
    return { page: query.page ?? 1 };
  }

  @Get('fail/:kind')
  fail(@ZodParams(z.strictObject({ kind: z.string() })) params: { kind: string }): never {
    const make = failures[params.kind];
    throw make ? make() : new Error('unknown');
  }

  @Get(':id')
  @HttpCode(200)
  get(@ZodParams(thingParams) params: z.infer<typeof thingParams>): { id: string } {
    return params;
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

describe('createHttpApp', () => {
  let app: INestApplication;
  const logs = captureLogs('things');

  beforeAll(async () => {
    app = await createHttpApp(ThingsModule, {
      serviceName: 'things',
      logger: logs.logger,
      bodyLimitBytes: 2048,
    });
  });
  afterAll(async () => {
    await app.close();
  });

  it('passes a valid body to the handler', async () => {
    const res = await request(app.getHttpServer()).post('/api/v1/things').send({ name: 'a', size: 2 });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ name: 'a', size: 2 });
  });

  it('rejects unknown fields with a 400 naming each field', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/v1/things')
      .send({ name: 'a', size: 2, colour: 'red' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      type: 'urn:lianxin:problem:validation',
      status: 400,
      instance: '/api/v1/things',
      errors: [{ field: 'colour', message: 'Unknown field' }],
    });
    expect(typeof res.body.correlationId).toBe('string');
  });

  it('names every failing field', async () => {
    const res = await request(app.getHttpServer()).post('/api/v1/things').send({ name: '', size: -1 });
    expect(res.status).toBe(400);
    expect((res.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['name', 'size']);
  });

  it('validates query and path params', async () => {
    const bad = await request(app.getHttpServer()).get('/api/v1/things?page=0&extra=1');
    expect(bad.status).toBe(400);
    expect((bad.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['extra', 'page']);
    const ok = await request(app.getHttpServer()).get('/api/v1/things?page=3');
    expect(ok.body).toEqual({ page: 3 });
    const badId = await request(app.getHttpServer()).get('/api/v1/things/not-a-uuid');
    expect(badId.status).toBe(400);
    expect(badId.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/v1/things')
      .set('content-type', 'application/json')
      .send('{"name": ');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, errors: [{ field: 'body', message: 'Malformed JSON' }] });
  });

  it('answers an oversized body with a 413 problem', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/v1/things')
      .send({ name: 'x'.repeat(5000), size: 1 });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ type: 'urn:lianxin:problem:payload-too-large', status: 413 });
    expect(res.body.correlationId).toBe(res.headers['x-correlation-id']);
  });

  it.each([
    ['not-found', 404, { title: 'Not found', detail: 'thing 42 was not found' }],
    ['conflict', 409, { allowed: ['reopen', 'archive'] }],
    ['business-rule', 422, { rule: 'pairing-quota' }],
    ['forbidden', 403, { title: 'Forbidden' }],
    ['validation', 400, { errors: [{ field: 'x', message: 'nope' }] }],
    ['unauthorized', 401, { title: 'Unauthorized' }],
  ])('maps %s to a %i problem', async (kind, status, extra) => {
    const res = await request(app.getHttpServer())
      .get(`/api/v1/things/fail/${kind}`)
      .set('x-correlation-id', 'corr-12345678');
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      type: `urn:lianxin:problem:${kind}`,
      status,
      instance: `/api/v1/things/fail/${kind}`,
      correlationId: 'corr-12345678',
      ...extra,
    });
  });

  it('hides the internals of unknown errors behind a 500 and logs them', async () => {
    const res = await request(app.getHttpServer()).get('/api/v1/things/fail/crash');
    expect(res.status).toBe(500);
    expect(JSON.stringify(res.body)).not.toMatch(/hunter2|10\.0\.0\.7/);
    expect(res.body).toMatchObject({ type: 'urn:lianxin:problem:internal', status: 500 });
    const logged = logs.lines().find((line) => line['msg'] === 'unhandled error');
    expect(JSON.stringify(logged)).toContain('hunter2');
  });

  it('answers unknown routes with a 404 problem', async () => {
    const res = await request(app.getHttpServer()).get('/nowhere');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('echoes a well-formed correlation id and replaces a malformed one', async () => {
    const echoed = await request(app.getHttpServer())
      .get('/health/live')
      .set('x-correlation-id', 'abc-123-def-456');
    expect(echoed.headers['x-correlation-id']).toBe('abc-123-def-456');
    const replaced = await request(app.getHttpServer())
      .get('/health/live')
      .set('x-correlation-id', 'bad id with spaces; drop table');
    expect(replaced.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    const generated = await request(app.getHttpServer()).get('/health/live');
    expect(generated.headers['x-correlation-id']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('sets security headers', async () => {
    const res = await request(app.getHttpServer()).get('/health/live');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
