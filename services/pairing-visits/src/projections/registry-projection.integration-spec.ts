import {
  buildEnvelope,
  envelopeHeaders,
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
});
