import fc from 'fast-check';
import request from 'supertest';
import { ACTORS, createPairingTestApp, type PairingTestApp } from '../test-support/pairing-test-app';
import { VisitsController } from './api/visits.controller';

/**
 * The diary write lane (ADR 0011) answers `POST /api/v1/visits` ahead of Express and Nest. Every
 * request here is sent to two apps, one with the lane and one without, and must get the same
 * answer; the controller's spy shows which path answered.
 */
describe('diary write lane: the same answers as the Nest pipeline (HTTP, real Postgres)', () => {
  const original = VisitsController.prototype.log;
  const controllerCalls = jest.spyOn(VisitsController.prototype, 'log');
  // Nest finds the route by the method's own metadata: the spy must carry it.
  for (const key of Reflect.getMetadataKeys(original) as unknown[])
    Reflect.defineMetadata(key, Reflect.getMetadata(key, original), VisitsController.prototype.log);
  let lane: PairingTestApp;
  let nest: PairingTestApp;
  /** Per app: a township admin's token, a cadre and a household of Dahe, a household elsewhere. */
  const fixtures = new Map<
    PairingTestApp,
    { admin: string; auditor: string; cadre: string; household: string; elsewhere: string }
  >();

  beforeAll(async () => {
    lane = await createPairingTestApp();
    nest = await createPairingTestApp(undefined, { diaryWriteLane: false });
    for (const t of [lane, nest]) {
      fixtures.set(t, {
        admin: await t.token(ACTORS.daheAdmin),
        auditor: await t.token(ACTORS.auditor),
        cadre: await t.registry.member('hongqiBranch', 'township_cadre'),
        household: await t.registry.household('hongqi'),
        elsewhere: await t.registry.household('zhenzi'),
      });
    }
  }, 180_000);
  afterAll(async () => {
    controllerCalls.mockRestore();
    await lane?.close();
    await nest?.close();
  });

  type Fixture = NonNullable<ReturnType<typeof fixtures.get>>;
  interface Case {
    readonly name: string;
    readonly headers?: (f: Fixture) => Record<string, string>;
    /** A JSON value, or raw text sent as application/json. */
    readonly body: (f: Fixture) => unknown;
    readonly raw?: boolean;
  }

  const entry = (f: Fixture, extra: Record<string, unknown> = {}) => ({
    householdId: f.household,
    cadreId: f.cadre,
    visitDate: '2026-06-30',
    kind: 'home',
    heard: '走访，了解近况',
    ...extra,
  });
  const entryWithout = (f: Fixture, field: 'householdId' | 'cadreId') =>
    Object.fromEntries(Object.entries(entry(f)).filter(([key]) => key !== field));
  const asAdmin = (f: Fixture) => ({ authorization: f.admin });

  const cases: Case[] = [
    { name: 'a common entry', headers: asAdmin, body: (f) => entry(f) },
    {
      name: 'an entry with a problem raised and a matter done',
      headers: asAdmin,
      body: (f) =>
        entry(f, {
          problemsRaised: [{ category: 'housing', summary: '屋顶漏雨' }],
          mattersDone: [{ category: 'paperwork', summary: '代办低保材料', evidence: [] }],
        }),
    },
    { name: 'no token', body: (f) => entry(f) },
    {
      name: 'a token that does not verify',
      headers: () => ({ authorization: 'Bearer abc.def.ghi' }),
      body: (f) => entry(f),
    },
    {
      name: 'a role the matrix does not allow',
      headers: (f) => ({ authorization: f.auditor }),
      body: (f) => entry(f),
    },
    { name: 'malformed JSON', headers: asAdmin, body: () => '{"householdId": ', raw: true },
    { name: 'malformed JSON and no token (the body parser answers first)', body: () => '{', raw: true },
    { name: 'an empty body', headers: asAdmin, body: () => '', raw: true },
    {
      name: 'a body that is not JSON',
      headers: (f) => ({ ...asAdmin(f), 'content-type': 'text/plain' }),
      body: (f) => JSON.stringify(entry(f)),
      raw: true,
    },
    {
      name: 'a body over the 1 MiB limit',
      headers: asAdmin,
      body: (f) => entry(f, { heard: 'x'.repeat(1_100_000) }),
    },
    { name: 'an unknown field', headers: asAdmin, body: (f) => entry(f, { checkInLocation: '30.1,120.2' }) },
    {
      name: 'U+0000 in what was heard',
      headers: asAdmin,
      body: (f) => entry(f, { heard: '屋顶\u0000漏雨' }),
    },
    {
      name: 'a missing household',
      headers: asAdmin,
      body: (f) => entryWithout(f, 'householdId'),
    },
    {
      name: 'a household outside the caller’s scope',
      headers: asAdmin,
      body: (f) => entry(f, { householdId: f.elsewhere }),
    },
    {
      name: 'a visit dated in the future',
      headers: asAdmin,
      body: (f) => entry(f, { visitDate: '2026-07-09' }),
    },
    {
      name: 'an admin who names no cadre',
      headers: asAdmin,
      body: (f) => entryWithout(f, 'cadreId'),
    },
    {
      name: 'a bad token with a bad body (the guard answers before the schema)',
      headers: () => ({ authorization: 'Bearer x' }),
      body: () => ({}),
    },
  ];

  /** The answer with what legitimately differs between the two apps (ids, correlation) named instead. */
  async function answer(t: PairingTestApp, c: Case): Promise<{ viaController: boolean; answer: unknown }> {
    const f = fixtures.get(t) as Fixture;
    const before = controllerCalls.mock.calls.length;
    const body = c.body(f);
    const sent = request(t.app.getHttpServer())
      .post('/api/v1/visits')
      .set({ 'content-type': 'application/json', ...c.headers?.(f) });
    const response = await sent.send(c.raw ? (body as string) : JSON.stringify(body));
    const names = new Map<string, string>([
      [f.cadre, '<cadre>'],
      [f.household, '<household>'],
      [f.elsewhere, '<elsewhere>'],
      [String(response.headers['x-correlation-id']), '<correlation>'],
    ]);
    const text = [...names].reduce((value, [id, name]) => value.split(id).join(name), response.text);
    return {
      viaController: controllerCalls.mock.calls.length > before,
      answer: {
        status: response.status,
        contentType: response.headers['content-type'],
        securityHeaders: [
          'content-security-policy',
          'x-content-type-options',
          'strict-transport-security',
        ].map((name) => response.headers[name]),
        body: normaliseIds(JSON.parse(text) as unknown),
      },
    };
  }

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const viaLane = await answer(lane, c);
    const viaNest = await answer(nest, c);
    expect(viaLane.viaController).toBe(false);
    expect(viaNest.viaController).toBe(
      // Nest rejects these before the controller runs.
      !/token|role|JSON|empty body|limit|unknown field|U\+0000|missing household|bad body/.test(c.name),
    );
    expect(viaLane.answer).toEqual(viaNest.answer);
  });

  it('answers arbitrary bytes sent as a JSON body with the status Nest answers, never a 5xx', async () => {
    // Bytes, a JSON prefix cut short, or an entry with one field replaced by anything JSON can hold.
    const lf = fixtures.get(lane) as Fixture;
    const nf = fixtures.get(nest) as Fixture;
    const bodies = fc.oneof(
      fc.uint8Array({ maxLength: 200 }).map((bytes) => () => Buffer.from(bytes)),
      fc.nat({ max: 200 }).map((cut) => (f: Fixture) => Buffer.from(JSON.stringify(entry(f)).slice(0, cut))),
      fc
        .tuple(
          fc.constantFrom('householdId', 'cadreId', 'visitDate', 'kind', 'heard', 'problemsRaised'),
          fc.jsonValue(),
        )
        .map(
          ([field, value]) =>
            (f: Fixture) =>
              Buffer.from(JSON.stringify(entry(f, { [field]: value }))),
        ),
    );
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const send = (t: PairingTestApp, f: Fixture) =>
          request(t.app.getHttpServer())
            .post('/api/v1/visits')
            .set(asAdmin(f))
            .set('content-type', 'application/json')
            .send(body(f));
        const [viaLane, viaNest] = [await send(lane, lf), await send(nest, nf)];
        expect(viaLane.status).toBeLessThan(500);
        expect(viaLane.status).toBe(viaNest.status);
      }),
      { numRuns: 60 },
    );
  });

  it('leaves requests with an Idempotency-Key to Nest, whose interceptor replays them', async () => {
    const f = fixtures.get(lane) as Fixture;
    const send = () =>
      request(lane.app.getHttpServer())
        .post('/api/v1/visits')
        .set(asAdmin(f))
        .set('idempotency-key', 'diary-lane-spec-1')
        .send(entry(f));
    const before = controllerCalls.mock.calls.length;
    const first = await send();
    const replay = await send();
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.id).toBe(first.body.id);
    expect(controllerCalls.mock.calls.length).toBe(before + 1);
  });
});

/** Generated ids (uuid v7) and timestamps become placeholders; the rest must match exactly. */
function normaliseIds(value: unknown): unknown {
  if (typeof value === 'string') {
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value))
      return '<generated id>';
    return value;
  }
  if (Array.isArray(value)) return value.map(normaliseIds);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, normaliseIds(item)]));
  return value;
}
