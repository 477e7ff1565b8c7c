import fc from 'fast-check';
import request from 'supertest';
import { arbitraryFor, fuzzedBody } from './support/openapi-arbitraries';
import { startGatewayUnderTest, type GatewayUnderTest } from './support/gateway-test-harness';

jest.setTimeout(180_000);

type Json = Record<string, unknown>;
interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
  readonly schema?: unknown;
}

const RUNS_PER_OPERATION = 12;

/**
 * Property: for every operation in the merged `/openapi.json`, any body and query generated from
 * its schemas — valid, with wrong types, or with unknown fields — gets an answer below 500.
 */
describe('OpenAPI-driven fuzzing through the gateway', () => {
  let gw: GatewayUnderTest;
  let document: Json;
  beforeAll(async () => {
    gw = await startGatewayUnderTest();
    document = (await request(gw.server).get('/openapi.json')).body as Json;
  });
  afterAll(() => gw.close());

  it('never answers 5xx for generated bodies, queries and path parameters', async () => {
    const token = await gw.token('taoyuan.district-admin');
    const failures: string[] = [];
    let operations = 0;
    for (const [template, item] of Object.entries(
      document['paths'] as Record<string, Record<string, Json>>,
    )) {
      for (const [method, operation] of Object.entries(item)) {
        operations += 1;
        const parameters = (operation['parameters'] ?? []) as Parameter[];
        const bodySchema = (
          ((operation['requestBody'] as Json | undefined)?.['content'] as Json | undefined)?.[
            'application/json'
          ] as Json | undefined
        )?.['schema'];
        const csvBody =
          (((operation['requestBody'] as Json | undefined)?.['content'] as Json | undefined)?.['text/csv'] as
            Json | undefined) !== undefined;
        const query = fc.record(
          Object.fromEntries(
            parameters
              .filter((p) => p.in === 'query')
              .map((p) => [p.name, fc.oneof(arbitraryFor(p.schema, document), fc.string({ maxLength: 20 }))]),
          ),
          { requiredKeys: [] },
        );
        const pathParams = fc.record(
          Object.fromEntries(
            parameters
              .filter((p) => p.in === 'path')
              .map((p) => [p.name, fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 20 }))]),
          ),
        );
        const body = bodySchema
          ? fuzzedBody(bodySchema, document)
          : csvBody
            ? fc.string({ maxLength: 200 })
            : fc.constant(undefined);
        await fc
          .assert(
            fc.asyncProperty(pathParams, query, body, async (params, queryValues, payload) => {
              const path = template.replace(/\{([^}]+)\}/g, (_m, name: string) =>
                encodeURIComponent(String(params[name] ?? 'x')),
              );
              const search = new URLSearchParams(
                Object.entries(queryValues).map(([k, v]): [string, string] => [
                  k,
                  typeof v === 'string' ? v : JSON.stringify(v),
                ]),
              ).toString();
              const url = search ? `${path}?${search}` : path;
              let req = request(gw.server)[method as 'get'](url).set('authorization', `Bearer ${token}`);
              if (payload !== undefined) {
                req = csvBody
                  ? req.set('content-type', 'text/csv').send(String(payload))
                  : req.set('content-type', 'application/json').send(JSON.stringify(payload));
              }
              const res = await req;
              if (res.status >= 500)
                failures.push(
                  `${method.toUpperCase()} ${url} ${JSON.stringify(payload)} → ${res.status} ${res.text.slice(0, 200)}`,
                );
              return res.status < 500;
            }),
            { numRuns: RUNS_PER_OPERATION, seed: 20261122 },
          )
          .catch(() => undefined);
      }
    }
    expect(operations).toBeGreaterThan(30);
    expect(failures).toEqual([]);
  });
});
