import { fuzzOpenApiOperations } from '@lianxin/testing';
import request from 'supertest';
import { startGatewayUnderTest, type GatewayUnderTest } from './support/gateway-test-harness';

jest.setTimeout(180_000);

/**
 * Property: for every operation in the merged `/openapi.json`, any body and query generated from
 * its schemas — valid, with wrong types, unknown fields or edge values (U+0000, lone surrogates,
 * integers past Postgres `integer`) — gets an answer below 500 from the gateway. The upstreams
 * here are stand-ins; each service runs the same property against its own handlers and database.
 */
describe('OpenAPI-driven fuzzing through the gateway', () => {
  let gw: GatewayUnderTest;
  beforeAll(async () => {
    gw = await startGatewayUnderTest();
  });
  afterAll(() => gw.close());

  it('never answers 5xx for generated bodies, queries and path parameters', async () => {
    const document = (await request(gw.server).get('/openapi.json')).body as Record<string, unknown>;
    const result = await fuzzOpenApiOperations({
      server: gw.server,
      document,
      authorization: `Bearer ${await gw.token('taoyuan.district-admin')}`,
      runsPerOperation: 12,
      seed: 20261122,
    });
    expect(result.operations).toBeGreaterThan(30);
    expect(result.failures).toEqual([]);
  });
});
