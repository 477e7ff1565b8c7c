import SwaggerParser from '@apidevtools/swagger-parser';
import request from 'supertest';
import { createPairingTestApp, type PairingTestApp } from './test-support/pairing-test-app';

describe('OpenAPI document (HTTP contract)', () => {
  let t: PairingTestApp;

  beforeAll(async () => {
    t = await createPairingTestApp();
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('is a valid OpenAPI document in which every API route names its permission action', async () => {
    const response = await request(t.app.getHttpServer()).get('/openapi.json');
    expect(response.status).toBe(200);
    const document = response.body as { paths: Record<string, Record<string, Record<string, unknown>>> };
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
    const operations = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, item]) =>
        Object.entries(item).map(([method, operation]) => ({
          route: `${method.toUpperCase()} ${path}`,
          operation,
        })),
      );
    expect(operations.length).toBeGreaterThan(30);
    const withoutAction = operations
      .filter(({ operation }) => typeof operation['x-lianxin-action'] !== 'string')
      .map(({ route }) => route);
    expect(withoutAction).toEqual([]);
  });
});
