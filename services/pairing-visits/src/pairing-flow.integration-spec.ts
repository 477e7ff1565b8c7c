import request from 'supertest';
import { talliesAndRecount } from './test-support/pairing-test-app';
import {
  ACTORS,
  createPairingTestApp,
  memberActor,
  type PairingTestApp,
} from './test-support/pairing-test-app';
import { UNITS } from './test-support/registry-fixture';

describe('pairing and visits (HTTP, real Postgres)', () => {
  let t: PairingTestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createPairingTestApp();
    admin = await t.token(ACTORS.taoyuanAdmin);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  const http = () => request(t.app.getHttpServer());

  it('pairs, logs a visit, counts it, and stops counting it when the household denies it on a call-back', async () => {
    const cadre = await t.registry.member('hongqiBranch', 'township_cadre');
    const household = await t.registry.household('hongqi', 'poor');

    const pairing = await http()
      .post('/api/v1/pairings')
      .set('authorization', admin)
      .send({ householdId: household, cadreId: cadre });
    expect(pairing.status).toBe(201);

    const cadreToken = await t.token(memberActor(cadre));
    const visit = await http()
      .post('/api/v1/visits')
      .set('authorization', cadreToken)
      .send({
        householdId: household,
        visitDate: '2026-06-30',
        kind: 'home',
        heard: '屋顶漏雨，希望帮忙联系维修',
        problemsRaised: [{ category: 'housing', summary: '屋顶漏雨' }],
        mattersDone: [{ category: 'paperwork', summary: '代办低保年审', evidence: ['receipt-001'] }],
      });
    expect(visit.status).toBe(201);
    expect(visit.body).toMatchObject({ pairingId: pairing.body.id, countsTowardQuota: true });
    expect(visit.body.ticketIds).toHaveLength(1);
    // The event names the household's place and the pairing the one statement found.
    const logged = (await t.outbox()).find(
      (row) => row.type === 'pairing.visit.logged' && row.aggregateId === visit.body.id,
    );
    expect(logged?.data).toEqual({
      visitId: visit.body.id,
      pairingId: pairing.body.id,
      cadreMemberId: cadre,
      householdId: household,
      visitedOn: '2026-06-30',
      kind: 'home',
      problemsRaised: 1,
      mattersDone: 1,
    });
    const [loggedRow] = (await t.db.ownerDataSource.query(
      "SELECT payload->>'orgUnitPath' AS path, payload->>'districtId' AS district, headers->>'district-id' AS header FROM outbox WHERE key = $1 AND payload->>'type' = 'pairing.visit.logged'",
      [visit.body.id],
    )) as { path: string; district: string; header: string }[];
    expect(loggedRow).toEqual({
      path: UNITS.hongqi.path,
      district: UNITS.taoyuan.id,
      header: UNITS.taoyuan.id,
    });

    const progress = await http()
      .get(`/api/v1/quota-progress/cadres/${cadre}?year=2026`)
      .set('authorization', admin);
    expect(progress.status).toBe(200);
    expect(progress.body.visits).toMatchObject({ actual: 1, target: 8 });
    expect(progress.body.problemsSolved.actual).toBe(1);

    // The problem raised becomes a ticket the cadre owns; resolving it solved is a practical matter
    // done (办实事) in the counts per member and unit without being entered a second time.
    const ticketId = visit.body.ticketIds[0];
    const move = (body: object) =>
      http().post(`/api/v1/tickets/${ticketId}/transitions`).set('authorization', cadreToken).send(body);
    expect((await move({ action: 'accept' })).status).toBe(200);
    const resolved = await move({ action: 'resolve', resolutionCode: 'solved', resolution: '已联系维修' });
    expect(resolved.status).toBe(200);
    const counts = await http()
      .get(`/api/v1/practical-matters/counts?year=2026&groupBy=member&orgPath=${UNITS.hongqi.path}`)
      .set('authorization', admin);
    expect(counts.status).toBe(200);
    expect(counts.body.items.find((item: { key: string }) => item.key === cadre)).toEqual({
      key: cadre,
      matters: 2,
      recorded: 1,
      fromTickets: 1,
      households: 1,
    });
    const byUnit = await http()
      .get(`/api/v1/practical-matters/counts?year=2026&groupBy=unit&orgPath=${UNITS.hongqi.path}`)
      .set('authorization', admin);
    expect(byUnit.body.items).toContainEqual(
      expect.objectContaining({ key: UNITS.hongqiBranch.path, recorded: 1, fromTickets: 1 }),
    );
    const solvedNow = await http()
      .get(`/api/v1/quota-progress/cadres/${cadre}?year=2026`)
      .set('authorization', admin);
    expect(solvedNow.body.problemsSolved.actual).toBe(2);

    const check = await http().post('/api/v1/spot-checks').set('authorization', admin).send({
      unitId: UNITS.hongqi.id,
      periodFrom: '2026-06-01',
      periodTo: '2026-06-30',
      share: 1,
      seed: 'audit-seed-0001',
    });
    expect(check.status).toBe(201);
    expect(check.body.items.map((item: { visitId: string }) => item.visitId)).toEqual([visit.body.id]);

    const callBack = await http()
      .post(`/api/v1/spot-checks/${check.body.id}/call-backs`)
      .set('authorization', admin)
      .send({ visitId: visit.body.id, result: 'not_confirmed' });
    expect(callBack.status).toBe(200);

    const after = await http()
      .get(`/api/v1/quota-progress/cadres/${cadre}?year=2026`)
      .set('authorization', admin);
    expect(after.body.visits.actual).toBe(0);
    const flagged = await http().get(`/api/v1/visits/${visit.body.id}`).set('authorization', admin);
    expect(flagged.body).toMatchObject({
      confirmation: 'not_confirmed',
      flagged: true,
      countsTowardQuota: false,
    });

    const verification = await http()
      .get(`/api/v1/spot-checks/${check.body.id}/verification`)
      .set('authorization', admin);
    expect(verification.body).toMatchObject({ populationMatches: true, reproduced: true });

    const types = (await t.outbox()).map((row) => row.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'pairing.pairing.created',
        'pairing.visit.logged',
        'pairing.ticket.received',
        'pairing.practical-matter.done',
        'pairing.spot-check.drawn',
        'pairing.spot-check.call-back-recorded',
        'pairing.visit.confirmation-changed',
      ]),
    );
  });

  it('answers 404 to another district, for reads and writes alike', async () => {
    const cadre = await t.registry.member('hongqiBranch', 'other_cadre');
    const household = await t.registry.household('hongqi', 'poor');
    const xishan = await t.token(ACTORS.xishanAdmin);
    const pair = await http()
      .post('/api/v1/pairings')
      .set('authorization', xishan)
      .send({ householdId: household, cadreId: cadre });
    expect(pair.status).toBe(404);
    expect(pair.headers['content-type']).toMatch(/application\/problem\+json/);
    const paired = await http()
      .post('/api/v1/pairings')
      .set('authorization', admin)
      .send({ householdId: household, cadreId: cadre });
    expect(paired.status).toBe(201);
    const cadreToken = await t.token(memberActor(cadre));
    const visit = await http()
      .post('/api/v1/visits')
      .set('authorization', cadreToken)
      .send({ householdId: household, visitDate: '2026-06-01', kind: 'phone', heard: '电话问候' });
    expect(visit.status).toBe(201);
    expect((await http().get(`/api/v1/visits/${visit.body.id}`).set('authorization', xishan)).status).toBe(
      404,
    );
    expect(
      (await http().get(`/api/v1/quota-progress/cadres/${cadre}`).set('authorization', xishan)).status,
    ).toBe(404);
    const foreignVisit = await http()
      .post('/api/v1/visits')
      .set('authorization', await t.token(memberActor(cadre, '/lx/xishan/')))
      .send({ householdId: household, visitDate: '2026-06-01', kind: 'phone', heard: 'x' });
    expect(foreignVisit.status).toBe(404);
  });

  it('refuses a sixth pledge in a year with 422', async () => {
    const member = await t.registry.member('hongqiBranch', 'none');
    const token = await t.token(memberActor(member));
    for (let index = 1; index <= 5; index += 1) {
      const made = await http()
        .post('/api/v1/pledges')
        .set('authorization', token)
        .send({
          year: 2026,
          category: 'road',
          content: `修路 ${index}`,
          deadline: '2026-12-01',
          qualityStandard: '通车',
        });
      expect(made.status).toBe(201);
      expect(made.body.ordinal).toBe(index);
    }
    const sixth = await http().post('/api/v1/pledges').set('authorization', token).send({
      year: 2026,
      category: 'road',
      content: '第六件',
      deadline: '2026-12-01',
      qualityStandard: '通车',
    });
    expect(sixth.status).toBe(422);
  });

  it('lets an entry be edited for 7 days, then only corrected', async () => {
    const cadre = await t.registry.member('hongqiBranch', 'other_cadre');
    const household = await t.registry.household('hongqi', 'low_income');
    const token = await t.token(memberActor(cadre));
    const visit = await http()
      .post('/api/v1/visits')
      .set('authorization', token)
      .send({ householdId: household, visitDate: '2026-06-30', kind: 'home', heard: '身体好' });
    const edited = await http()
      .patch(`/api/v1/visits/${visit.body.id}`)
      .set('authorization', token)
      .send({ kind: 'phone' });
    expect(edited.status).toBe(200);
    t.clock.advanceDays(8);
    try {
      const late = await http()
        .patch(`/api/v1/visits/${visit.body.id}`)
        .set('authorization', token)
        .send({ heard: '身体很好' });
      expect(late.status).toBe(409);
      expect(late.body.allowed).toEqual(['correct']);
      const corrected = await http()
        .post(`/api/v1/visits/${visit.body.id}/corrections`)
        .set('authorization', token)
        .send({ changes: { heard: '身体很好' }, reasonCode: 'typo' });
      expect(corrected.status).toBe(201);
      const full = await http().get(`/api/v1/visits/${visit.body.id}`).set('authorization', token);
      expect(full.body.heard).toBe('身体很好');
      expect(full.body.corrections.map((c: { reasonCode: string }) => c.reasonCode)).toEqual([
        'edited',
        'typo',
      ]);
      expect(full.body.corrections[1].previous).toEqual({ heard: '身体好' });
      // Both changes are published; the heard-only correction names the field, never the words.
      const events = (await t.outbox()).filter(
        (row) => row.type === 'pairing.visit.corrected' && row.aggregateId === visit.body.id,
      );
      expect(events.map((event) => event.data)).toEqual([
        expect.objectContaining({
          correctedFields: ['kind'],
          changes: { kind: 'phone' },
          reasonCode: 'edited',
        }),
        expect.objectContaining({ correctedFields: ['heard'], changes: {}, reasonCode: 'typo' }),
      ]);
      expect(JSON.stringify(events)).not.toContain('身体');
    } finally {
      t.clock.advanceDays(-8);
    }
  });

  it('replays the first response to a create resent with the same Idempotency-Key', async () => {
    const cadre = await t.registry.member('hongqiBranch', 'other_cadre');
    const household = await t.registry.household('hongqi', 'poor');
    const token = await t.token(memberActor(cadre));
    const body = { householdId: household, visitDate: '2026-06-29', kind: 'home', heard: '重复提交测试' };
    const first = await http()
      .post('/api/v1/visits')
      .set('authorization', token)
      .set('idempotency-key', 'visit-retry-0001')
      .send(body);
    const again = await http()
      .post('/api/v1/visits')
      .set('authorization', token)
      .set('idempotency-key', 'visit-retry-0001')
      .send(body);
    expect(first.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    const listed = await http().get(`/api/v1/visits?householdId=${household}`).set('authorization', token);
    expect(listed.body.total).toBe(1);
  });

  it('keeps the quota tallies equal to a recount of the source rows', async () => {
    const { tallies, recount } = await talliesAndRecount(t, 2026);
    expect(tallies.length).toBeGreaterThan(0);
    expect(tallies).toEqual(recount);
  });
});
