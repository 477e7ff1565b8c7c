import request from 'supertest';
import { ACTORS, createPairingTestApp, type PairingTestApp } from '../test-support/pairing-test-app';
import { type UnitKey } from '../test-support/registry-fixture';
import { DemoLoader } from './demo-loader';

describe('demo loader (real Postgres)', () => {
  let t: PairingTestApp;

  beforeAll(async () => {
    t = await createPairingTestApp('2026-11-20T02:00:00Z');
    // A small roster in both demo districts, as the registry's demo would publish it.
    const roster: [UnitKey, 'township_cadre' | 'other_cadre' | 'county_leader' | 'none'][] = [
      ['hongqiBranch', 'township_cadre'],
      ['hongqiBranch', 'other_cadre'],
      ['shiqiaoBranch', 'other_cadre'],
      ['daheBranch', 'county_leader'],
      ['shiqiaoBranch', 'none'],
      ['wuzhuangBranch', 'township_cadre'],
      ['wuzhuangBranch', 'other_cadre'],
    ];
    for (const [branch, rank] of roster) await t.registry.member(branch, rank);
    for (let index = 0; index < 6; index += 1)
      await t.registry.household(
        index % 2 === 0 ? 'hongqi' : 'shiqiao',
        index % 3 === 0 ? 'poor' : 'low_income',
      );
    for (let index = 0; index < 3; index += 1) await t.registry.household('wuzhuang', 'extreme_hardship');
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('covers the demo households with a year of work, shows early warnings, and loads only once', async () => {
    const loader = new DemoLoader(t.db.dataSource, new Date('2026-11-20T02:00:00Z'));
    expect(await loader.waitForProjections(10_000, 50)).toBe(true);
    const first = await loader.load();
    expect(first.pairings).toBe(9);
    expect(first.visits).toBeGreaterThan(10);
    expect(first.spotChecks).toBe(2);
    const admin = await t.token(ACTORS.taoyuanAdmin);
    const coverage = await request(t.app.getHttpServer()).get('/api/v1/coverage').set('authorization', admin);
    expect(coverage.body.uncovered).toBe(0);
    const again = await loader.load();
    expect(again.pairings).toBe(0);
    const warnings = await request(t.app.getHttpServer())
      .get('/api/v1/quota-progress/early-warnings?year=2026')
      .set('authorization', admin);
    expect(warnings.body.cadresChecked).toBeGreaterThan(0);
  }, 120_000);
});
