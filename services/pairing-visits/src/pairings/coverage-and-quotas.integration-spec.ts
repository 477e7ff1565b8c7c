import { inTransaction } from '@lianxin/platform-persistence';
import request from 'supertest';
import { rollUp } from '../quota-progress/domain/quota-progress';
import { progressFor } from '../quota-progress/application/progress-calculator';
import { talliesAndRecount } from '../test-support/pairing-test-app';
import {
  ACTORS,
  createPairingTestApp,
  memberActor,
  type PairingTestApp,
} from '../test-support/pairing-test-app';
import { UNITS } from '../test-support/registry-fixture';

describe('coverage, suggestions, quota rules and early warnings (HTTP, real Postgres)', () => {
  let t: PairingTestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createPairingTestApp('2026-07-01T02:00:00Z');
    admin = await t.token(ACTORS.taoyuanAdmin);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  const http = () => request(t.app.getHttpServer());

  it('suggests pairings that cover every uncovered household within quotas, preferring the same village, and the same answer twice', async () => {
    const villageCadre = await t.registry.member('shiqiaoBranch', 'other_cadre');
    const townshipCadre = await t.registry.member('daheBranch', 'township_cadre');
    const households = [
      await t.registry.household('shiqiao', 'poor'),
      await t.registry.household('shiqiao', 'none', true),
      await t.registry.household('shiqiao', 'extreme_hardship'),
      await t.registry.household('shiqiao', 'low_income'),
    ];
    await t.registry.household('shiqiao', 'none'); // needs no cover

    const coverage = await http()
      .get(`/api/v1/coverage?orgPath=${UNITS.shiqiao.path}`)
      .set('authorization', admin);
    expect(coverage.body).toMatchObject({ householdsToCover: 4, uncovered: 4 });
    expect(
      coverage.body.items.find((item: { householdId: string }) => item.householdId === households[1]).reasons,
    ).toEqual(['migrant_member']);

    const first = await http()
      .get(`/api/v1/pairings/suggestions?orgPath=${UNITS.shiqiao.path}`)
      .set('authorization', admin);
    const second = await http()
      .get(`/api/v1/pairings/suggestions?orgPath=${UNITS.shiqiao.path}`)
      .set('authorization', admin);
    expect(first.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(first.body.fullCoverage).toBe(true);
    const byCadre = (id: string) =>
      first.body.suggestions.filter((s: { cadreId: string }) => s.cadreId === id);
    // The village cadre takes households up to their maximum of 3 first; the township cadre the rest.
    expect(byCadre(villageCadre)).toHaveLength(3);
    expect(byCadre(villageCadre).every((s: { proximity: string }) => s.proximity === 'same_village')).toBe(
      true,
    );
    expect(byCadre(townshipCadre)).toEqual([expect.objectContaining({ proximity: 'same_township' })]);

    for (const { householdId, cadreId } of first.body.suggestions as {
      householdId: string;
      cadreId: string;
    }[]) {
      expect(
        (await http().post('/api/v1/pairings').set('authorization', admin).send({ householdId, cadreId }))
          .status,
      ).toBe(201);
    }
    const covered = await http()
      .get(`/api/v1/coverage?orgPath=${UNITS.shiqiao.path}`)
      .set('authorization', admin);
    expect(covered.body).toMatchObject({ uncovered: 0, coverageRate: 1 });
    const fourth = await http()
      .post('/api/v1/pairings')
      .set('authorization', admin)
      .send({ householdId: await t.registry.household('shiqiao', 'poor'), cadreId: villageCadre });
    expect(fourth.status).toBe(422);
  });

  it('keeps quota rules versioned per district and judges progress with the version in force', async () => {
    const base = await http()
      .get(`/api/v1/quota-rules?districtId=${UNITS.taoyuan.id}`)
      .set('authorization', admin);
    expect(base.body).toMatchObject({ isDefault: true, version: 0 });
    const rules = { ...base.body.rules, township_cadre: { ...base.body.rules.township_cadre, visits: 12 } };
    const published = await http()
      .post('/api/v1/quota-rules')
      .set('authorization', admin)
      .send({ districtId: UNITS.taoyuan.id, effectiveFrom: '2026-01-01', rules });
    expect(published.status).toBe(201);
    expect(published.body.version).toBe(1);
    const daheAdmin = await t.token(ACTORS.daheAdmin);
    expect(
      (
        await http()
          .post('/api/v1/quota-rules')
          .set('authorization', daheAdmin)
          .send({ districtId: UNITS.taoyuan.id, effectiveFrom: '2026-01-01', rules })
      ).status,
    ).toBe(403);
    // A township admin reads the district's rules (they apply below the district).
    const read = await http()
      .get(`/api/v1/quota-rules?districtId=${UNITS.taoyuan.id}`)
      .set('authorization', daheAdmin);
    expect(read.body).toMatchObject({ version: 1, rules: { township_cadre: { visits: 12 } } });

    const cadre = await t.registry.member('daheBranch', 'township_cadre');
    const progress = await http()
      .get(`/api/v1/quota-progress/cadres/${cadre}?year=2026`)
      .set('authorization', daheAdmin);
    expect(progress.body).toMatchObject({
      rulesVersion: 1,
      visits: { target: 12, expectedByNow: 5, behind: true },
    });
    const warnings = await http()
      .get(`/api/v1/quota-progress/early-warnings?year=2026&orgPath=${UNITS.dahe.path}`)
      .set('authorization', daheAdmin);
    expect(warnings.body.items.map((item: { cadreId: string }) => item.cadreId)).toContain(cadre);
  });

  it('counts grassroots days once per date and rolls progress up per unit', async () => {
    const cadre = await t.registry.member('hongqiBranch', 'department_head');
    const token = await t.token(memberActor(cadre));
    const day = {
      servedOn: '2026-06-15',
      place: '红旗村',
      activity: '调解纠纷',
      placeUnitId: UNITS.hongqi.id,
    };
    expect((await http().post('/api/v1/grassroots-days').set('authorization', token).send(day)).status).toBe(
      201,
    );
    expect((await http().post('/api/v1/grassroots-days').set('authorization', token).send(day)).status).toBe(
      409,
    );
    const totals = await http()
      .get(`/api/v1/grassroots-days/totals?year=2026&cadreId=${cadre}`)
      .set('authorization', admin);
    expect(totals.body.items).toEqual([{ cadreId: cadre, days: 1, nightsStayed: 0 }]);
    const rollup = await http()
      .get(`/api/v1/quota-progress/units?year=2026&orgPath=${UNITS.dahe.path}`)
      .set('authorization', admin);
    expect(rollup.status).toBe(200);
    const hongqi = rollup.body.units.find((unit: { orgPath: string }) => unit.orgPath === UNITS.hongqi.path);
    expect(hongqi.grassrootsDays).toBeGreaterThanOrEqual(1);
    expect(rollup.body.units[0].orgPath).toBe(UNITS.dahe.path);
  });

  it('requires authentication and names invalid fields', async () => {
    expect((await http().get('/api/v1/coverage')).status).toBe(401);
    const bad = await http()
      .post('/api/v1/visits')
      .set('authorization', await t.token(ACTORS.daheAdmin))
      .send({ householdId: 'nope', kind: 'home', surprise: 1 });
    expect(bad.status).toBe(400);
    const fields = bad.body.errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['householdId', 'visitDate', 'heard']));
    const auditor = await t.token(ACTORS.auditor);
    expect((await http().post('/api/v1/pairings').set('authorization', auditor).send({})).status).toBe(403);
  });

  it('keeps the quota tallies equal to a recount of the source rows', async () => {
    const { tallies, recount } = await talliesAndRecount(t, 2026);
    expect(tallies.length).toBeGreaterThan(0);
    expect(tallies).toEqual(recount);
  });

  it('judges cadres in SQL exactly as computeProgress and rollUp do (early warnings and unit rollups)', async () => {
    // A mix of ranks and counters under Dahe, with the district's own rules (version 1) in force.
    const cadres = [
      await t.registry.member('hongqiBranch', 'county_leader'),
      await t.registry.member('hongqiBranch', 'other_cadre'),
      await t.registry.member('daheBranch', 'section_chief_or_above'),
    ];
    const household = await t.registry.household('hongqi', 'poor');
    for (const cadre of cadres.slice(0, 2)) {
      const token = await t.token(memberActor(cadre));
      for (const visitDate of ['2026-03-02', '2026-04-09', '2026-05-20', '2026-06-11', '2026-06-30']) {
        const logged = await http()
          .post('/api/v1/visits')
          .set('authorization', token)
          .send({ householdId: household, visitDate, kind: 'home', heard: '了解近况' });
        expect(logged.status).toBe(201);
      }
    }
    for (const asOf of ['2026-02-01', '2026-07-01', '2026-12-31']) {
      const query = `year=2026&asOf=${asOf}&orgPath=${UNITS.dahe.path}`;
      const expected = await inTransaction(t.db.dataSource, '/lx/taoyuan/', (tx) =>
        progressFor(tx.manager, { year: 2026, asOf }, { path: UNITS.dahe.path }),
      );
      const behind = expected.views.filter((view) => view.behindSchedule);
      const warnings = await http()
        .get(`/api/v1/quota-progress/early-warnings?${query}&limit=1000`)
        .set('authorization', admin);
      expect(warnings.status).toBe(200);
      expect(warnings.body).toMatchObject({ cadresChecked: expected.views.length, behind: behind.length });
      expect(warnings.body.items).toEqual(behind);
      const paged = await http()
        .get(`/api/v1/quota-progress/early-warnings?${query}&limit=1&offset=1`)
        .set('authorization', admin);
      expect(paged.body.items).toEqual(behind.slice(1, 2));

      const rollup = await http().get(`/api/v1/quota-progress/units?${query}`).set('authorization', admin);
      expect(rollup.status).toBe(200);
      const unitPaths = rollup.body.units.map((unit: { orgPath: string }) => unit.orgPath);
      expect(unitPaths).toContain(UNITS.hongqi.path);
      const recomputed = rollUp(
        unitPaths,
        expected.rows.flatMap((row, index) => {
          const progress = expected.views[index];
          return progress ? [{ orgPath: row.orgPath, tally: row, progress }] : [];
        }),
      );
      expect(
        rollup.body.units.map(({ unitName, ...unit }: { unitName: string | null }) => {
          expect(unitName === null || typeof unitName === 'string').toBe(true);
          return unit;
        }),
      ).toEqual(recomputed);
      expect(rollup.body.units[0].cadres).toBe(expected.views.length);
    }
  });
});
