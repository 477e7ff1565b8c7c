import SwaggerParser from '@apidevtools/swagger-parser';
import { Controller, Delete, Get, HttpCode, Module, Post, type INestApplication } from '@nestjs/common';
import request from 'supertest';
import { z } from 'zod';
import { createLogger } from '@lianxin/platform-telemetry';
import { createHttpApp } from '../app/create-http-app';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { InMemoryIdempotencyStore } from '../idempotency/in-memory-idempotency-store';
import { ApiRoute } from '../routes/api-route.decorator';
import { ZodBody, ZodParams, ZodQuery } from '../validation/zod-decorators';

const Address = z.strictObject({ village: z.string(), building: z.string().optional() });
const RegisterHousehold = z.strictObject({
  headName: z.string().min(1),
  size: z.number().int().min(1),
  address: Address,
});
const Household = z.object({ id: z.uuid(), headName: z.string(), createdAt: z.iso.datetime() });
const HouseholdParams = z.strictObject({ id: z.uuid() });
const ListQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  village: z.string().optional(),
});

@Controller('api/v1/households')
class HouseholdsController {
  @Post()
  @Idempotent()
  @ApiRoute({
    summary: 'Register a household',
    action: 'registry.household.write',
    responses: { 201: Household },
    errors: [404, 409, 422],
  })
  create(@ZodBody(RegisterHousehold) _body: unknown): unknown {
    return {};
  }

  @Get()
  @ApiRoute({
    summary: 'List households',
    action: 'registry.household.read',
    responses: { 200: z.array(Household) },
  })
  list(@ZodQuery(ListQuery) _query: unknown): unknown[] {
    return [];
  }

  @Get(':id')
  @ApiRoute({
    summary: 'Get a household',
    action: 'registry.household.read',
    responses: { 200: Household },
    errors: [404],
  })
  get(@ZodParams(HouseholdParams) _params: unknown): unknown {
    return {};
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiRoute({
    summary: 'Remove a household',
    action: 'registry.household.write',
    responses: { 204: null },
    errors: [404, 409],
  })
  remove(@ZodParams(HouseholdParams) _params: unknown): void {
    return undefined;
  }
}

@Module({ controllers: [HouseholdsController] })
class HouseholdsModule {}

type Operation = {
  'x-lianxin-action'?: string;
  security?: unknown[];
  parameters?: { name: string; in: string; required: boolean }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
};
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

describe('/openapi.json', () => {
  let app: INestApplication;
  let doc: Document;

  beforeAll(async () => {
    app = await createHttpApp(HouseholdsModule, {
      serviceName: 'member-registry',
      logger: createLogger('openapi-test', { level: 'silent' }),
      idempotencyStore: new InMemoryIdempotencyStore(),
    });
    doc = (await request(app.getHttpServer()).get('/openapi.json').expect(200)).body as Document;
  });
  afterAll(async () => {
    await app.close();
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
  });

  it('lists every route with the problem schema on its error responses', () => {
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/api/v1/households',
        '/api/v1/households/{id}',
        '/health/live',
        '/health/ready',
        '/metrics',
        '/openapi.json',
      ].sort(),
    );
    const create = doc.paths['/api/v1/households']?.['post'];
    expect(Object.keys(create?.responses ?? {}).sort()).toEqual([
      '201',
      '400',
      '401',
      '403',
      '404',
      '409',
      '413',
      '422',
      '500',
    ]);
    for (const status of ['400', '401', '403', '404', '409', '413', '422', '500']) {
      expect(create?.responses[status]?.content?.['application/problem+json']?.schema).toEqual({
        $ref: '#/components/schemas/Problem',
      });
    }
  });

  it('carries the permission action for the gateway', () => {
    expect(doc.paths['/api/v1/households']?.['post']?.['x-lianxin-action']).toBe('registry.household.write');
    expect(doc.paths['/api/v1/households/{id}']?.['get']?.['x-lianxin-action']).toBe(
      'registry.household.read',
    );
  });

  it('turns the zod schemas into request bodies and parameters', () => {
    const create = doc.paths['/api/v1/households']?.['post'];
    const body = create?.requestBody?.content['application/json']?.schema;
    expect(body).toMatchObject({
      type: 'object',
      required: ['headName', 'size', 'address'],
      additionalProperties: false,
    });
    expect(create?.parameters).toEqual([expect.objectContaining({ name: 'idempotency-key', in: 'header' })]);
    const list = doc.paths['/api/v1/households']?.['get'];
    expect(list?.parameters?.map((p) => [p.name, p.in, p.required])).toEqual([
      ['page', 'query', false],
      ['village', 'query', false],
    ]);
    const get = doc.paths['/api/v1/households/{id}']?.['get'];
    expect(get?.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
    expect(get?.responses['200']?.content?.['application/json']?.schema).toMatchObject({
      properties: { id: { format: 'uuid' } },
    });
  });

  it('marks platform endpoints public', () => {
    expect(doc.paths['/health/ready']?.['get']?.security).toEqual([]);
    expect(doc.paths['/api/v1/households']?.['get']?.security).toBeUndefined();
  });
});
