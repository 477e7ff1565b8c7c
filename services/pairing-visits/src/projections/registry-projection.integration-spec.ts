import {
  buildEnvelope,
  envelopeHeaders,
  householdDeactivatedV1,
  householdHardshipStatusChangedV1,
  messageKey,
  REGISTRY_SOURCE,
  SYSTEM_ACTOR,
  type KnownEnvelope,
} from '@lianxin/contracts';
import { createIdempotentProducer, createKafka, ensureTopics } from '@lianxin/platform-messaging';
import { getTestInfra, uniqueId } from '@lianxin/testing';
import { type Kafka, type Producer } from 'kafkajs';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { ACTORS, createPairingTestApp, type PairingTestApp } from '../test-support/pairing-test-app';
import { UNITS } from '../test-support/registry-fixture';
import { registryTopics, RegistryEventsConsumer } from './api/registry-events.consumer';

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('registry projection (real Postgres and dev broker)', () => {
  let t: PairingTestApp;
  let kafka: Kafka;
  let producer: Producer;
  let consumer: RegistryEventsConsumer;

  beforeAll(async () => {
    t = await createPairingTestApp();
    const { kafkaBrokers } = await getTestInfra();
    kafka = createKafka({ brokers: kafkaBrokers, clientId: `pairing-test-${uniqueId()}` });
    await ensureTopics(kafka, registryTopics());
    producer = await createIdempotentProducer(kafka);
    consumer = new RegistryEventsConsumer(t.db.dataSource);
    await consumer.start(kafka, `pairing-projection-test-${uniqueId()}`);
  }, 120_000);
  afterAll(async () => {
    await consumer?.stop();
    await producer?.disconnect();
    await t?.close();
  });

  const send = (envelope: KnownEnvelope) =>
    producer.send({
      topic: envelope.type.startsWith('registry.household')
        ? 'lianxin.registry.household.v1'
        : 'lianxin.registry.member.v1',
      messages: [
        { key: messageKey(envelope), value: JSON.stringify(envelope), headers: envelopeHeaders(envelope) },
      ],
    });
  const count = async (sql: string, params: unknown[]): Promise<number> =>
    (await t.query<{ n: number }>(sql, params))[0]?.n ?? 0;

  it('learns members and households from the broker, and a cadre’s transfer leaves their households uncovered with a re-pairing task', async () => {
    const cadreId = uuidv7();
    const householdId = uuidv7();
    const started = Date.now();
    await send(t.registry.memberEvent('hongqiBranch', 'township_cadre', cadreId));
    await send(t.registry.householdEvent('hongqi', 'poor', householdId));
    await eventually(async () =>
      (await count('SELECT count(*)::int AS n FROM households WHERE id = $1', [householdId])) === 1
        ? true
        : undefined,
    );
    await eventually(async () =>
      (await count('SELECT count(*)::int AS n FROM members WHERE id = $1', [cadreId])) === 1
        ? true
        : undefined,
    );
    expect(Date.now() - started).toBeLessThan(2000);

    const admin = await t.token(ACTORS.taoyuanAdmin);
    const pairing = await request(t.app.getHttpServer())
      .post('/api/v1/pairings')
      .set('authorization', admin)
      .send({ householdId, cadreId });
    expect(pairing.status).toBe(201);

    await send(t.registry.transferOutEvent(cadreId, 'hongqiBranch'));
    await eventually(async () =>
      (await count(
        `SELECT count(*)::int AS n FROM repairing_tasks WHERE household_id = $1 AND status = 'open'`,
        [householdId],
      )) === 1
        ? true
        : undefined,
    );
    const coverage = await request(t.app.getHttpServer())
      .get('/api/v1/coverage?orgPath=/lx/taoyuan/dahe/v-hongqi/')
      .set('authorization', admin);
    expect(coverage.body.items.map((item: { householdId: string }) => item.householdId)).toContain(
      householdId,
    );
    const types = (await t.outbox())
      .filter((row) => row.data['householdId'] === householdId)
      .map((row) => row.type);
    expect(types).toEqual([
      'pairing.pairing.created',
      'pairing.pairing.ended',
      'pairing.pairing.repairing-task-opened',
    ]);
  }, 30_000);

  it('changes nothing when the same registry event arrives twice', async () => {
    const householdId = uuidv7();
    const registered = t.registry.householdEvent('shiqiao', 'poor', householdId);
    await t.registry.deliver(registered);
    await t.registry.deliver(
      buildEnvelope(householdHardshipStatusChangedV1, {
        source: REGISTRY_SOURCE,
        districtId: UNITS.shiqiao.districtId,
        orgUnitPath: UNITS.shiqiao.path,
        aggregateId: householdId,
        correlationId: 'test',
        actor: SYSTEM_ACTOR,
        data: {
          householdId,
          previousStatus: 'poor',
          hardshipStatus: 'none',
          effectiveOn: '2026-06-01',
          reasonCode: null,
        },
      }),
    );
    // A redelivery of the original registration must not undo the later change.
    await send(registered);
    await t.registry.deliver(registered);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const rows = await t.query<{ hardship_status: string }>(
      'SELECT hardship_status FROM households WHERE id = $1',
      [householdId],
    );
    expect(rows).toEqual([{ hardship_status: 'none' }]);
  });

  it('drops a deactivated household from the coverage report, once however often the event arrives', async () => {
    const householdId = uuidv7();
    await send(t.registry.householdEvent('hongqi', 'extreme_hardship', householdId));
    await eventually(async () =>
      (await count('SELECT count(*)::int AS n FROM households WHERE id = $1 AND active', [householdId])) === 1
        ? true
        : undefined,
    );
    const admin = await t.token(ACTORS.taoyuanAdmin);
    const listed = async (): Promise<boolean> => {
      const coverage = await request(t.app.getHttpServer())
        .get('/api/v1/coverage?orgPath=/lx/taoyuan/dahe/v-hongqi/')
        .set('authorization', admin);
      expect(coverage.status).toBe(200);
      return (coverage.body.items as { householdId: string }[]).some(
        (item) => item.householdId === householdId,
      );
    };
    expect(await listed()).toBe(true);

    const deactivated = buildEnvelope(householdDeactivatedV1, {
      source: REGISTRY_SOURCE,
      districtId: UNITS.hongqi.districtId,
      orgUnitPath: UNITS.hongqi.path,
      aggregateId: householdId,
      correlationId: 'test',
      actor: SYSTEM_ACTOR,
      data: { householdId, reasonCode: 'moved_away', effectiveOn: '2026-06-01' },
    });
    await send(deactivated);
    await send(deactivated);
    await eventually(async () =>
      (await count('SELECT count(*)::int AS n FROM households WHERE id = $1 AND NOT active', [
        householdId,
      ])) === 1
        ? true
        : undefined,
    );
    expect(await listed()).toBe(false);
    // Applied once: the inbox holds one row for the event, however often it was delivered.
    await t.registry.deliver(deactivated);
    expect(await count('SELECT count(*)::int AS n FROM inbox WHERE event_id = $1', [deactivated.id])).toBe(1);
    expect(await count('SELECT count(*)::int AS n FROM households WHERE id = $1', [householdId])).toBe(1);
  }, 30_000);

  it('runs the whole flow from registry events on the broker: known within 2 s → pair → visit → progress 1 → call-back denies it → progress 0; other districts get 404', async () => {
    const cadreId = uuidv7();
    const householdId = uuidv7();
    const started = Date.now();
    await send(t.registry.memberEvent('shiqiaoBranch', 'other_cadre', cadreId));
    await send(t.registry.householdEvent('shiqiao', 'extreme_hardship', householdId));
    await eventually(async () =>
      (await count(
        'SELECT count(*)::int AS n FROM members m JOIN households h ON h.id = $2 WHERE m.id = $1',
        [cadreId, householdId],
      )) === 1
        ? true
        : undefined,
    );
    expect(Date.now() - started).toBeLessThan(2000);

    const http = () => request(t.app.getHttpServer());
    const admin = await t.token(ACTORS.taoyuanAdmin);
    const xishan = await t.token(ACTORS.xishanAdmin);
    expect(
      (await http().post('/api/v1/pairings').set('authorization', xishan).send({ householdId, cadreId }))
        .status,
    ).toBe(404);
    expect(
      (await http().post('/api/v1/pairings').set('authorization', admin).send({ householdId, cadreId }))
        .status,
    ).toBe(201);
    const township = await t.token(ACTORS.daheAdmin);
    const visit = await http()
      .post('/api/v1/visits')
      .set('authorization', township)
      .send({ householdId, cadreId, visitDate: '2026-06-20', kind: 'home', heard: '了解生活情况' });
    expect(visit.status).toBe(201);
    const progress = async () =>
      (await http().get(`/api/v1/quota-progress/cadres/${cadreId}?year=2026`).set('authorization', admin))
        .body as { visits: { actual: number } };
    expect((await progress()).visits.actual).toBe(1);
    expect(
      (await http().get(`/api/v1/quota-progress/cadres/${cadreId}?year=2026`).set('authorization', xishan))
        .status,
    ).toBe(404);

    const check = await http().post('/api/v1/spot-checks').set('authorization', admin).send({
      unitId: UNITS.shiqiao.id,
      periodFrom: '2026-06-20',
      periodTo: '2026-06-20',
      share: 1,
      seed: 'journey-seed-01',
    });
    expect(check.body.items.map((item: { visitId: string }) => item.visitId)).toContain(visit.body.id);
    expect(
      (
        await http()
          .post(`/api/v1/spot-checks/${check.body.id}/call-backs`)
          .set('authorization', xishan)
          .send({ visitId: visit.body.id, result: 'not_confirmed' })
      ).status,
    ).toBe(404);
    const callBack = await http()
      .post(`/api/v1/spot-checks/${check.body.id}/call-backs`)
      .set('authorization', admin)
      .send({ visitId: visit.body.id, result: 'not_confirmed' });
    expect(callBack.status).toBe(200);
    expect((await progress()).visits.actual).toBe(0);
  }, 30_000);
});
