import request from 'supertest';
import { talliesAndRecount } from '../test-support/pairing-test-app';
import {
  ACTORS,
  createPairingTestApp,
  memberActor,
  type PairingTestApp,
} from '../test-support/pairing-test-app';
import { UNITS } from '../test-support/registry-fixture';

describe('sentiment tickets and the 96333 hotline (HTTP, real Postgres)', () => {
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
  const move = (id: string, token: string, body: object) =>
    http().post(`/api/v1/tickets/${id}/transitions`).set('authorization', token).send(body);

  it('gives a walk-in ticket to the member first asked and walks it to closed with satisfaction', async () => {
    const member = await t.registry.member('hongqiBranch', 'other_cadre');
    const household = await t.registry.household('hongqi', 'none');
    const token = await t.token(memberActor(member));
    const created = await http()
      .post('/api/v1/tickets')
      .set('authorization', token)
      .send({ source: 'walk_in', category: 'livelihood', summary: '路灯坏了', householdId: household });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'received',
      ownerMemberId: member,
      firstAskedMemberId: member,
    });
    for (const body of [
      { action: 'accept' },
      { action: 'start' },
      { action: 'resolve', resolutionCode: 'solved', resolution: '已修好' },
      { action: 'give_feedback', channel: 'in_person' },
    ]) {
      expect((await move(created.body.id, token, body)).status).toBe(200);
    }
    const closed = await move(created.body.id, token, { action: 'close', satisfaction: 'satisfied' });
    expect(closed.body).toMatchObject({ status: 'closed', satisfaction: 'satisfied' });
    const progress = await http()
      .get(`/api/v1/quota-progress/cadres/${member}?year=2026`)
      .set('authorization', admin);
    expect(progress.body.problemsSolved.actual).toBe(1);
  });

  it('answers 409 with the allowed steps to a step out of order', async () => {
    const member = await t.registry.member('hongqiBranch', 'other_cadre');
    const token = await t.token(memberActor(member));
    const created = await http()
      .post('/api/v1/tickets')
      .set('authorization', token)
      .send({ source: 'walk_in', category: 'other', summary: '咨询', unitId: UNITS.hongqi.id });
    const wrong = await move(created.body.id, token, { action: 'close', satisfaction: 'none' });
    expect(wrong.status).toBe(409);
    expect(wrong.body.allowed).toEqual(['accept', 'escalate']);
  });

  it('keeps an escalation pending — the first owner stays responsible — until the township accepts it', async () => {
    const member = await t.registry.member('hongqiBranch', 'other_cadre');
    const township = await t.registry.member('daheBranch', 'township_cadre');
    const household = await t.registry.household('hongqi', 'poor');
    const token = await t.token(memberActor(member));
    const created = await http()
      .post('/api/v1/tickets')
      .set('authorization', token)
      .send({ source: 'walk_in', category: 'dispute', summary: '宅基地纠纷', householdId: household });
    await move(created.body.id, token, { action: 'accept' });
    const escalated = await move(created.body.id, token, {
      action: 'escalate',
      level: 'township',
      toUnitId: UNITS.dahe.id,
      reasonCode: 'beyond_post',
      reason: '涉及土地，需乡里协调',
    });
    expect(escalated.body).toMatchObject({
      status: 'escalated',
      ownerMemberId: member,
      pendingHandoff: { toUnitId: UNITS.dahe.id, level: 'township' },
    });
    // The member cannot accept on the township's behalf.
    expect((await move(created.body.id, token, { action: 'accept_handoff' })).status).toBe(403);
    const daheAdmin = await t.token(ACTORS.daheAdmin);
    const accepted = await move(created.body.id, daheAdmin, { action: 'accept_handoff', memberId: township });
    expect(accepted.body).toMatchObject({
      status: 'accepted',
      ownerMemberId: township,
      firstAskedMemberId: member,
      pendingHandoff: null,
    });
    const types = (await t.outbox())
      .filter((row) => row.aggregateId === created.body.id)
      .map((row) => row.type);
    expect(types).toEqual([
      'pairing.ticket.received',
      'pairing.ticket.accepted',
      'pairing.ticket.escalated',
      'pairing.ticket.hand-off-accepted',
    ]);
  });

  it('escalates to the branch of the household’s village, accepted by the branch secretary, and never to another township', async () => {
    const member = await t.registry.member('hongqiBranch', 'other_cadre');
    const secretaryMember = await t.registry.member('hongqiBranch', 'none');
    const household = await t.registry.household('hongqi', 'poor');
    const token = await t.token(memberActor(member));
    const created = await http()
      .post('/api/v1/tickets')
      .set('authorization', token)
      .send({ source: 'walk_in', category: 'livelihood', summary: '低保咨询', householdId: household });
    await move(created.body.id, token, { action: 'accept' });
    const sideways = await move(created.body.id, token, {
      action: 'escalate',
      level: 'township',
      toUnitId: UNITS.zhenzi.id,
      reasonCode: 'beyond_post',
      reason: '跨区',
    });
    expect(sideways.status).toBe(404);
    const escalated = await move(created.body.id, token, {
      action: 'escalate',
      level: 'branch',
      toUnitId: UNITS.hongqiBranch.id,
      reasonCode: 'beyond_post',
      reason: '需支部研究',
    });
    expect(escalated.status).toBe(200);
    const secretary = await t.token({
      id: secretaryMember,
      name: '支部书记',
      roles: ['branch_secretary'],
      scope: UNITS.hongqiBranch.path,
      districtId: UNITS.taoyuan.id,
    });
    // Tickets live on the household's village; the secretary of a branch of that village reaches them (ADR 0009).
    const taken = await move(created.body.id, secretary, { action: 'accept_handoff' });
    expect(taken.status).toBe(200);
    expect(taken.body).toMatchObject({ status: 'accepted', ownerMemberId: secretaryMember });
  });

  it('lets a branch secretary reach the households of their village and what hangs on them, nothing of another village', async () => {
    const cadre = await t.registry.member('hongqiBranch', 'other_cadre');
    const own = await t.registry.household('hongqi', 'poor');
    const other = await t.registry.household('shiqiao', 'poor');
    const cadreToken = await t.token(memberActor(cadre));
    const log = (householdId: string) =>
      http()
        .post('/api/v1/visits')
        .set('authorization', cadreToken)
        .send({ householdId, visitDate: '2026-06-30', kind: 'home', heard: '了解近况' });
    const ownVisit = await log(own);
    const otherVisit = await log(other);
    expect([ownVisit.status, otherVisit.status]).toEqual([201, 201]);
    const branchSecretary = (scope: string) =>
      t.token({
        id: cadre,
        name: '支部书记',
        roles: ['branch_secretary'],
        scope,
        districtId: UNITS.taoyuan.id,
      });
    const secretary = await branchSecretary(UNITS.hongqiBranch.path);

    const listed = await http().get(`/api/v1/visits?householdId=${own}`).set('authorization', secretary);
    expect(listed.status).toBe(200);
    expect(listed.body.total).toBe(1);
    expect(
      (await http().get(`/api/v1/visits/${ownVisit.body.id}`).set('authorization', secretary)).status,
    ).toBe(200);
    // Another village of the same township stays invisible (404, as for any row outside the scope).
    expect(
      (await http().get(`/api/v1/visits/${otherVisit.body.id}`).set('authorization', secretary)).status,
    ).toBe(404);
    expect(
      (await http().get(`/api/v1/visits?householdId=${other}`).set('authorization', secretary)).body.total,
    ).toBe(0);
    // A diary entry without problems or matters is one call, its own transaction: the event names
    // the household's place; a refused entry leaves nothing behind.
    const logged = (await t.outbox()).find(
      (row) => row.type === 'pairing.visit.logged' && row.aggregateId === ownVisit.body.id,
    );
    expect(logged?.data).toMatchObject({ householdId: own, pairingId: null, problemsRaised: 0 });
    const [place] = (await t.db.ownerDataSource.query(
      "SELECT payload->>'orgUnitPath' AS path FROM outbox WHERE key = $1",
      [ownVisit.body.id],
    )) as { path: string }[];
    expect(place?.path).toBe(UNITS.hongqi.path);
    const outboxBefore = (await t.outbox()).length;
    const refused = await http()
      .post('/api/v1/visits')
      .set('authorization', secretary)
      .send({ householdId: other, visitDate: '2026-06-30', kind: 'home', heard: '了解近况' });
    expect(refused.status).toBe(404);
    expect((await t.outbox()).length).toBe(outboxBefore);
    expect(
      (await http().get(`/api/v1/visits?householdId=${other}`).set('authorization', admin)).body.total,
    ).toBe(1);
    // The secretary opens a ticket for a household of the village, and may not for another village's.
    const ticket = await http()
      .post('/api/v1/tickets')
      .set('authorization', secretary)
      .send({ source: 'walk_in', category: 'livelihood', summary: '修路', householdId: own });
    expect(ticket.status).toBe(201);
    expect(ticket.body.orgPath).toBe(UNITS.hongqi.path);
    const elsewhere = await http()
      .post('/api/v1/tickets')
      .set('authorization', secretary)
      .send({ source: 'walk_in', category: 'livelihood', summary: '修路', householdId: other });
    expect(elsewhere.status).toBe(404);
    // A branch directly under the township (机关支部) is below no village: it reaches no household.
    const officeSecretary = await branchSecretary(UNITS.daheBranch.path);
    expect(
      (await http().get(`/api/v1/visits/${ownVisit.body.id}`).set('authorization', officeSecretary)).status,
    ).toBe(404);
    expect(
      (await http().get(`/api/v1/tickets/${ticket.body.id}`).set('authorization', officeSecretary)).status,
    ).toBe(404);
  });

  it('takes a hotline work order once: a resend returns the same ticket, and the status syncs back', async () => {
    const body = {
      hotlineTicketNo: '96333-20260701-0042',
      category: 'infrastructure',
      summary: '村道塌方',
      unitId: UNITS.shiqiao.id,
    };
    const first = await http().post('/api/v1/hotline/tickets').set('authorization', admin).send(body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ source: 'hotline', ownerMemberId: null, status: 'received' });
    const again = await http().post('/api/v1/hotline/tickets').set('authorization', admin).send(body);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const status = await http()
      .get('/api/v1/hotline/tickets/96333-20260701-0042')
      .set('authorization', admin);
    expect(status.body).toMatchObject({ ticketId: first.body.id, status: 'received' });
    const hotlineRows = (await t.outbox()).filter(
      (row) => row.data['hotlineTicketNo'] === '96333-20260701-0042',
    );
    expect(hotlineRows).toHaveLength(1);
  });

  it('lists tickets past their SLA clock as overdue, using the district’s configured clock', async () => {
    const set = await http()
      .put('/api/v1/tickets/sla-rules/water')
      .set('authorization', admin)
      .send({ districtId: UNITS.taoyuan.id, acceptWithinHours: 1, resolveWithinHours: 2 });
    expect(set.status).toBe(200);
    const member = await t.registry.member('shiqiaoBranch', 'other_cadre');
    const token = await t.token(memberActor(member));
    const created = await http()
      .post('/api/v1/tickets')
      .set('authorization', await t.token(ACTORS.daheAdmin))
      .send({ source: 'online', category: 'water', summary: '停水', unitId: UNITS.shiqiao.id });
    expect(created.status).toBe(201);
    expect(new Date(created.body.resolveDueAt).getTime() - new Date(created.body.receivedAt).getTime()).toBe(
      2 * 3600_000,
    );
    t.clock.advanceDays(1);
    try {
      const overdue = await http().get('/api/v1/tickets/overdue').set('authorization', token);
      const mine = overdue.body.items.find((item: { id: string }) => item.id === created.body.id);
      expect(mine.overdue).toEqual(['accept', 'resolve']);
    } finally {
      t.clock.advanceDays(-1);
    }
  });

  it('keeps the quota tallies equal to a recount of the source rows', async () => {
    const { tallies, recount } = await talliesAndRecount(t, 2026);
    expect(tallies.length).toBeGreaterThan(0);
    expect(tallies).toEqual(recount);
  });
});
