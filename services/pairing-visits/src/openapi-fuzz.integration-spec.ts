import { fuzzOpenApiOperations } from '@lianxin/testing';
import request from 'supertest';
import { ACTORS, createPairingTestApp, type PairingTestApp } from './test-support/pairing-test-app';
import { UNITS } from './test-support/registry-fixture';

jest.setTimeout(240_000);

/**
 * Every documented route of the service itself, on real Postgres: generated bodies, queries and
 * path parameters (wrong types, unknown fields, U+0000, integers past Postgres `integer`) are
 * answered below 500. The gateway runs the same property against stand-in upstreams; this one
 * reaches the handlers and the database.
 */
describe('pairing-visits routes under generated input (real Postgres)', () => {
  let t: PairingTestApp;
  /** Ids that exist, so generated bodies sometimes get past the 404s to the writes. */
  const known: string[] = [];

  beforeAll(async () => {
    t = await createPairingTestApp();
    const cadre = await t.registry.member('hongqiBranch', 'township_cadre');
    const household = await t.registry.household('hongqi', 'poor');
    const admin = await t.token(ACTORS.taoyuanAdmin);
    const pairing = await request(t.app.getHttpServer())
      .post('/api/v1/pairings')
      .set('authorization', admin)
      .send({ householdId: household, cadreId: cadre })
      .expect(201);
    const visit = await request(t.app.getHttpServer())
      .post('/api/v1/visits')
      .set('authorization', await t.token(ACTORS.daheAdmin))
      .send({ householdId: household, cadreId: cadre, visitDate: '2026-06-30', kind: 'home', heard: '走访' })
      .expect(201);
    known.push(cadre, household, pairing.body.id as string, visit.body.id as string);
    known.push(...Object.values(UNITS).map((unit) => unit.id));
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  // A district admin (most reads, pairings, rules) and a township admin (the diary, tickets).
  it.each(['taoyuanAdmin', 'daheAdmin'] as const)('never answers 5xx to a %s', async (actor) => {
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
