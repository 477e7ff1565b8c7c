import { startTestPlatform, type TestPlatform } from '@lianxin/testing';

// Three services compiled by SWC on two shared cores, then the registry's and pairing's demo data.
jest.setTimeout(480_000);

type Json = Record<string, unknown>;

/** A valid 18-digit resident ID (GB 11643 check digit), unique per call. */
function residentId(sequence: number): string {
  const body = `430725${'19800101'}${String(100 + (sequence % 900)).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((total, digit, index) => total + Number(digit) * (weights[index] ?? 0), 0);
  return body + '10X98765432'.charAt(sum % 11);
}

function shanghaiToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The journey through the gateway: register a cadre and a household in the registry →
 * the pairing service knows them within 2 s → pair → log a visit → quota progress shows 1 → a
 * call-back marks it not confirmed → progress shows 0. Another district gets 404 throughout.
 */
describe('pairing and visit journey (gateway → registry → pairing-visits)', () => {
  let platform: TestPlatform;
  let gateway: string;

  async function token(username: string): Promise<string> {
    const response = await fetch(`${gateway}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'lianxin-demo' }),
    });
    if (!response.ok) throw new Error(`token for ${username}: ${response.status}`);
    return `Bearer ${((await response.json()) as { accessToken: string }).accessToken}`;
  }

  async function call(
    auth: string,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: Json }> {
    const response = await fetch(`${gateway}${path}`, {
      method,
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Json) : {} };
  }

  beforeAll(async () => {
    platform = await startTestPlatform({
      services: ['gateway', 'member-registry', 'pairing-visits'],
      demoData: true,
    });
    const service = platform.services.find((item) => item.name === 'gateway');
    if (!service) throw new Error('gateway did not start');
    gateway = service.url;
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it('registers, pairs, visits, counts, calls back and stops counting — and other districts see nothing', async () => {
    const admin = await token('taoyuan.district-admin');
    const township = await token('taoyuan.township-admin');
    const foreign = await token('xishan.district-admin');

    const villages = await call(township, 'GET', '/api/v1/org-units?level=village&limit=5');
    const village = (villages.body['items'] as { id: string; path: string }[])[0];
    if (!village) throw new Error('no demo village in Dahe');
    const branches = await call(
      township,
      'GET',
      `/api/v1/org-units?level=branch&under=${village.id}&limit=5`,
    );
    const branch = (branches.body['items'] as { id: string; path: string }[])[0];
    if (!branch) throw new Error('no demo branch in the village');

    const sequence = Date.now() % 100_000;
    const member = await call(admin, 'POST', '/api/v1/members', {
      branchId: branch.id,
      name: '王结对',
      gender: 'male',
      ethnicity: '汉族',
      birthDate: '1980-01-01',
      educationLevel: 'bachelor',
      joinedAt: '2005-07-01',
      mobile: `139${String(10_000_000 + sequence).slice(-8)}`,
      residentId: residentId(sequence),
      category: 'cadre',
      hasPost: true,
      cadreRank: 'township_cadre',
      rural: true,
    });
    expect(member.status).toBe(201);
    const household = await call(admin, 'POST', '/api/v1/households', {
      villageId: village.id,
      headName: '李困难',
      address: '三组12号',
      size: 4,
      hardshipStatus: 'poor',
    });
    expect(household.status).toBe(201);
    const cadreId = String(member.body['id']);
    const householdId = String(household.body['id']);

    // The pairing service learns both from the registry's events.
    const registeredAt = Date.now();
    let known = false;
    while (!known && Date.now() - registeredAt < 10_000) {
      const progress = await call(admin, 'GET', `/api/v1/quota-progress/cadres/${cadreId}`);
      const coverage = await call(
        admin,
        'GET',
        `/api/v1/coverage?orgPath=${encodeURIComponent(village.path)}&limit=500`,
      );
      if (coverage.status !== 200)
        throw new Error(`coverage → ${coverage.status} ${JSON.stringify(coverage.body)}`);
      known =
        progress.status === 200 &&
        (coverage.body['items'] as { householdId: string }[]).some(
          (item) => item.householdId === householdId,
        );
      if (!known) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const knownAfterMs = Date.now() - registeredAt;
    if (!known) {
      const lastLines = platform.logs.filter((line) => /pairing-visits|warn|error/i.test(line)).slice(-40);
      throw new Error(`pairing-visits did not learn the new cadre and household:\n${lastLines.join('\n')}`);
    }
    expect(knownAfterMs).toBeLessThan(2000);

    expect((await call(foreign, 'POST', '/api/v1/pairings', { householdId, cadreId })).status).toBe(404);
    expect((await call(admin, 'POST', '/api/v1/pairings', { householdId, cadreId })).status).toBe(201);

    const today = shanghaiToday();
    const visit = await call(township, 'POST', '/api/v1/visits', {
      householdId,
      cadreId,
      visitDate: today,
      kind: 'home',
      heard: '了解住房情况',
    });
    expect(visit.status).toBe(201);
    const visitId = String(visit.body['id']);
    expect((await call(foreign, 'GET', `/api/v1/visits/${visitId}`)).status).toBe(404);

    const progressOf = async (): Promise<number> =>
      (
        (await call(admin, 'GET', `/api/v1/quota-progress/cadres/${cadreId}`)).body['visits'] as {
          actual: number;
        }
      ).actual;
    expect(await progressOf()).toBe(1);
    expect((await call(foreign, 'GET', `/api/v1/quota-progress/cadres/${cadreId}`)).status).toBe(404);

    const check = await call(admin, 'POST', '/api/v1/spot-checks', {
      unitId: village.id,
      periodFrom: today,
      periodTo: today,
      share: 1,
      seed: `journey-${sequence}`,
    });
    expect(check.status).toBe(201);
    expect((check.body['items'] as { visitId: string }[]).map((item) => item.visitId)).toContain(visitId);
    const checkId = String(check.body['id']);
    expect(
      (
        await call(foreign, 'POST', `/api/v1/spot-checks/${checkId}/call-backs`, {
          visitId,
          result: 'not_confirmed',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await call(admin, 'POST', `/api/v1/spot-checks/${checkId}/call-backs`, {
          visitId,
          result: 'not_confirmed',
        })
      ).status,
    ).toBe(200);
    expect(await progressOf()).toBe(0);
  });
});
