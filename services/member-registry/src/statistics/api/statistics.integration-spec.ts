import request from 'supertest';
import { loadDemoData } from '../../demo/demo-loader';
import { DAHE_FIGURES, DEMO_IDS, DEMO_REFERENCE_DATE } from '../../demo/demo-dataset';
import { ACTORS, createRegistryTestApp, type RegistryTestApp } from '../../test-support/registry-test-app';

describe('statistics on the demo data', () => {
  let t: RegistryTestApp;
  let firstLoad: Awaited<ReturnType<typeof loadDemoData>>;

  beforeAll(async () => {
    t = await createRegistryTestApp();
    firstLoad = await loadDemoData(t.db.dataSource, t.cipher);
  }, 180_000);

  afterAll(async () => {
    await t?.close();
  });

  it('loads the demo once, with an outbox event per registration, and is idempotent', async () => {
    expect(firstLoad).toMatchObject({ loaded: true, members: 367 + 2659 });
    const again = await loadDemoData(t.db.dataSource, t.cipher);
    expect(again.loaded).toBe(false);
    const [{ n }] = await t.db.ownerDataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM outbox WHERE payload->>'type' = 'registry.member.registered'`,
    );
    expect(n).toBe(367 + 2659);
  });

  it('returns the figures of seed 001 §2 for Dahe township', async () => {
    const res = await request(t.app.getHttpServer())
      .get(`/api/v1/statistics/composition?unitId=${DEMO_IDS.dahe}&asOf=${DEMO_REFERENCE_DATE}`)
      .set('authorization', await t.token(ACTORS.taoyuanAdmin))
      .expect(200);
    expect(res.body).toMatchObject({
      totalMembers: DAHE_FIGURES.members,
      branches: DAHE_FIGURES.branches,
      rural: { count: 294, percent: 80.11 },
      female: { count: 73, percent: 19.89 },
      ethnicMinority: { count: 199, percent: 54.22 },
      under45: { count: 231, percent: 62.94 },
      highSchoolOrAbove: { count: 141, percent: 38.42 },
    });
    expect(res.body.byBranch).toHaveLength(20);
    expect(res.body.byCategory.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(367);
  });

  it('keeps the figures exact with today’s date as the reference', async () => {
    const res = await request(t.app.getHttpServer())
      .get(`/api/v1/statistics/composition?unitId=${DEMO_IDS.dahe}&asOf=2026-11-22`)
      .set('authorization', await t.token(ACTORS.taoyuanAdmin))
      .expect(200);
    expect(res.body.under45.count).toBe(231);
  });

  it('answers 404 for another district’s unit', async () => {
    await request(t.app.getHttpServer())
      .get(`/api/v1/statistics/composition?unitId=${DEMO_IDS.zhenzi}`)
      .set('authorization', await t.token(ACTORS.taoyuanAdmin))
      .expect(404);
  });
});
