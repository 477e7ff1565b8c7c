import { buildEnvelope, PAIRING_SOURCE, SYSTEM_ACTOR, visitLoggedV1 } from '@lianxin/contracts';
import { toOutboxMessage } from '@lianxin/platform-persistence';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { ACTORS, createPairingTestApp, type PairingTestApp } from '../test-support/pairing-test-app';
import { UNITS } from '../test-support/registry-fixture';
import { type VisitToWrite } from './infrastructure/insert-visit';
import { VisitDiaryWriter } from './infrastructure/visit-diary-writer';

// Common diary entries logged at the same moment are written in batches (migration
// 1763800007000): each entry keeps its own outcome, its own scope and its own event.
describe('diary entries written together (HTTP, real Postgres)', () => {
  let t: PairingTestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createPairingTestApp();
    admin = await t.token(ACTORS.daheAdmin);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  const http = () => request(t.app.getHttpServer());
  const entry = (householdId: string, cadreId: string, heard = '走访，了解近况') => ({
    householdId,
    cadreId,
    visitDate: '2026-06-30',
    kind: 'home',
    heard,
  });

  it('answers each of many simultaneous entries on its own: written ones 201, an invisible household 404, a bad one 400', async () => {
    const cadre = await t.registry.member('hongqiBranch', 'township_cadre');
    const households = await Promise.all(Array.from({ length: 30 }, () => t.registry.household('hongqi')));
    const elsewhere = await t.registry.household('zhenzi');
    const responses = await Promise.all([
      ...households.map((household) =>
        http().post('/api/v1/visits').set('authorization', admin).send(entry(household, cadre)),
      ),
      http().post('/api/v1/visits').set('authorization', admin).send(entry(elsewhere, cadre)),
      http()
        .post('/api/v1/visits')
        .set('authorization', admin)
        .send(entry(households[0] ?? '', cadre, '屋顶\u0000漏雨')),
    ]);
    const statuses = responses.map((response) => response.status);
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(201));
    expect(statuses[30]).toBe(404);
    expect(statuses[31]).toBe(400);
    expect(responses[31]?.body.errors).toEqual([{ field: 'heard', message: expect.stringMatching(/NUL/) }]);

    const ids = responses.slice(0, 30).map((response) => response.body.id as string);
    expect(new Set(ids).size).toBe(30);
    const [visits] = await t.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM visits WHERE cadre_id = $1',
      [cadre],
    );
    expect(visits?.n).toBe(30);
    const events = (await t.outbox()).filter(
      (row) => row.type === 'pairing.visit.logged' && ids.includes(row.aggregateId),
    );
    expect(events.map((event) => event.data['householdId']).sort()).toEqual([...households].sort());
    const [tally] = await t.query<{ visits: number }>(
      'SELECT visits FROM quota_tallies WHERE cadre_id = $1 AND year = 2026',
      [cadre],
    );
    expect(tally?.visits).toBe(30);
  });

  it('rolls back a failing entry alone: the entries before and after it in the batch are written', async () => {
    const writer = t.app.get(VisitDiaryWriter);
    const cadre = await t.registry.member('hongqiBranch', 'township_cadre');
    const households = await Promise.all([1, 2, 3].map(() => t.registry.household('hongqi')));
    const duplicateId = uuidv7();
    const toWrite = (householdId: string, id: string): VisitToWrite => ({
      id,
      householdId,
      cadreId: cadre,
      districtId: UNITS.taoyuan.id,
      actorScope: UNITS.dahe.path,
      visitDate: '2026-06-30',
      visitYear: 2026,
      kind: 'home',
      heard: '走访',
      problemsRaised: 0,
      mattersDone: 0,
      recordedBy: 'test',
      recordedAt: new Date('2026-06-30T08:00:00Z'),
    });
    const event = (visit: VisitToWrite) =>
      toOutboxMessage(
        visitLoggedV1.topic,
        buildEnvelope(visitLoggedV1, {
          source: PAIRING_SOURCE,
          districtId: UNITS.taoyuan.id,
          orgUnitPath: UNITS.taoyuan.path,
          aggregateId: visit.id,
          correlationId: 'test',
          actor: SYSTEM_ACTOR,
          data: {
            visitId: visit.id,
            pairingId: null,
            cadreMemberId: cadre,
            householdId: visit.householdId,
            visitedOn: visit.visitDate,
            kind: 'home',
            problemsRaised: 0,
            mattersDone: 0,
          },
        }),
      );
    // Submitted in one turn, so they leave in one batch; the second reuses the first's visit id.
    const visits = [
      toWrite(households[0] ?? '', duplicateId),
      toWrite(households[1] ?? '', duplicateId),
      toWrite(households[2] ?? '', uuidv7()),
    ];
    const outcomes = await Promise.all(
      visits.map((visit) => writer.write(UNITS.taoyuan.path, visit, event(visit))),
    );
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['done', 'failed', 'done']);
    expect(outcomes[1]).toMatchObject({ failure: expect.stringMatching(/^23505/) });
    const written = await t.query<{ household_id: string }>(
      'SELECT household_id FROM visits WHERE cadre_id = $1 ORDER BY household_id',
      [cadre],
    );
    expect(written.map((row) => row.household_id)).toEqual([households[0], households[2]].sort());
    const [tally] = await t.query<{ visits: number }>(
      'SELECT visits FROM quota_tallies WHERE cadre_id = $1 AND year = 2026',
      [cadre],
    );
    expect(tally?.visits).toBe(2);
  });
});
