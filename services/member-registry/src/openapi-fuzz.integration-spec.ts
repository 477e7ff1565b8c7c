import { fuzzOpenApiOperations } from '@lianxin/testing';
import request from 'supertest';
import {
  ACTORS,
  createRegistryTestApp,
  seedTwoDistricts,
  type RegistryTestApp,
} from './test-support/registry-test-app';

jest.setTimeout(240_000);

/**
 * Every documented route of the registry itself, on real Postgres: generated bodies, queries and
 * path parameters (wrong types, unknown fields, U+0000, integers past Postgres `integer`, ids that
 * exist) are answered below 500. The gateway runs the same property against stand-in upstreams;
 * this one reaches the handlers and the database.
 */
describe('member-registry routes under generated input (real Postgres)', () => {
  let t: RegistryTestApp;
  let known: string[];

  beforeAll(async () => {
    t = await createRegistryTestApp();
    known = Object.values(await seedTwoDistricts(t.db));
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it.each(['taoyuanAdmin', 'taoyuanSecretary'] as const)('never answers 5xx to a %s', async (actor) => {
    const server = t.app.getHttpServer();
    const document = (await request(server).get('/openapi.json')).body as Record<string, unknown>;
    const result = await fuzzOpenApiOperations({
      server,
      document,
      authorization: await t.token(ACTORS[actor]),
      runsPerOperation: 25,
      seed: 20261204,
      hints: { uuids: known },
    });
    expect(result.operations).toBeGreaterThan(30);
    expect(result.failures).toEqual([]);
  });
});
