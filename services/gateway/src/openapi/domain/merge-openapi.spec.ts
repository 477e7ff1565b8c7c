import SwaggerParser from '@apidevtools/swagger-parser';
import { mergeOpenApiDocuments, type JsonObject } from './merge-openapi';

const problem = { type: 'object', properties: { status: { type: 'integer' } }, required: ['status'] };

function upstreamDoc(path: string, schemaName: string, schema: JsonObject): JsonObject {
  return {
    openapi: '3.1.0',
    info: { title: 'svc', version: '1' },
    paths: {
      [path]: {
        get: {
          operationId: 'list',
          'x-lianxin-action': 'registry.member.read',
          responses: {
            '200': {
              description: 'ok',
              content: { 'application/json': { schema: { $ref: `#/components/schemas/${schemaName}` } } },
            },
            '401': {
              description: 'no',
              content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
            },
          },
        },
        post: {
          operationId: 'create',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: `#/components/schemas/${schemaName}` } } },
          },
          responses: { '201': { description: 'created' } },
        },
      },
      '/health/live': { get: { responses: { '200': { description: 'ok' } } } },
    },
    components: { schemas: { [schemaName]: schema, Problem: problem } },
  };
}

const gatewayDoc: JsonObject = {
  openapi: '3.1.0',
  info: { title: 'gateway', version: '1' },
  paths: { '/api/v1/audit': { get: { operationId: 'list', responses: { '200': { description: 'ok' } } } } },
  components: {
    schemas: { Problem: problem },
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
  },
};

describe('mergeOpenApiDocuments', () => {
  const merged = mergeOpenApiDocuments(
    gatewayDoc,
    [
      {
        upstream: 'registry',
        document: upstreamDoc('/api/v1/members', 'Item', {
          type: 'object',
          properties: { a: { type: 'string' } },
        }),
        routes: (p) => p.startsWith('/api/v1/members'),
      },
      {
        upstream: 'pairing',
        document: upstreamDoc('/api/v1/visits', 'Item', {
          type: 'object',
          properties: { b: { type: 'integer' } },
        }),
        routes: (p) => p.startsWith('/api/v1/visits'),
      },
    ],
    { title: 'Lianxin', version: '1.0.0', description: 'all', isPublicPath: (p) => p.startsWith('/public/') },
  );
  const paths = merged['paths'] as Record<string, Record<string, JsonObject>>;

  it('produces a document a third-party validator accepts', async () => {
    await expect(SwaggerParser.validate(structuredClone(merged) as never)).resolves.toBeDefined();
  });

  it('keeps only routed paths and renames clashing components with refs rewritten', () => {
    expect(Object.keys(paths).sort()).toEqual(['/api/v1/audit', '/api/v1/members', '/api/v1/visits']);
    const schemas = (merged['components'] as Record<string, JsonObject>)['schemas'] as JsonObject;
    expect(Object.keys(schemas).sort()).toEqual(['Item', 'Problem', 'pairing.Item']);
    expect(JSON.stringify(paths['/api/v1/visits'])).toContain('#/components/schemas/pairing.Item');
    expect(JSON.stringify(paths['/api/v1/members'])).not.toContain('pairing.Item');
  });

  it('makes operation ids unique and adds the gateway errors to every forwarded operation', () => {
    const ids = Object.values(paths).flatMap((item) => Object.values(item).map((op) => op['operationId']));
    expect(new Set(ids).size).toBe(ids.length);
    const post = paths['/api/v1/visits']?.['post'] as JsonObject;
    expect(Object.keys(post['responses'] as JsonObject).sort()).toEqual([
      '201',
      '401',
      '403',
      '413',
      '429',
      '502',
      '503',
      '504',
    ]);
    expect(post['x-lianxin-upstream']).toBe('pairing');
  });
});
