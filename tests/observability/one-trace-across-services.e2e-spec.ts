// One request, followed across two services by its spans alone.
//
// In this one Jest process: telemetry with an in-memory exporter; the REAL member-registry HTTP
// app (its own module, its own database with its real migrations, the platform's outbox relay as
// its bootstrap wires it) and the REAL pairing-visits registry consumer (its own database and
// migrations, its projection handler, the inbox); both on the run's dev broker. One authenticated
// "register a member" request goes in; the test waits until pairing-visits has projected the
// member, then reads the recorded spans and checks that they form one trace with a sound parent
// chain. Attributes asserted are the ones the instrumentation and the libraries actually set
// (stable semconv: `db.system.name`, `db.namespace`, `db.query.text`, `messaging.*`).
// Under Jest the automatic instrumentations cannot patch modules, so the server span is the one
// @lianxin/platform-http opens itself when none did, and the pg spans come from the real pg
// instrumentation applied to Jest's `pg` (support/instrument-jest-loaded-pg.ts).
// First import: telemetry starts before express, pg and Nest are loaded (see the module).
import { journeyTelemetry } from './support/journey-telemetry';
import { REGISTRY_TOPICS, type KnownEnvelope } from '@lianxin/contracts';
import {
  createIdempotentProducer,
  createKafka,
  ensureTopics,
  type ConsumedEvent,
} from '@lianxin/platform-messaging';
import { createDataSource, inTransaction, OutboxRelay, SYSTEM_SCOPE } from '@lianxin/platform-persistence';
import { type ReadableSpan } from '@lianxin/platform-telemetry';
import { createTestDatabase, getTestInfra, uniqueTopicPrefix, type TestDatabase } from '@lianxin/testing';
import { SpanKind, trace } from '@opentelemetry/api';
import { type Producer } from 'kafkajs';
import * as pg from 'pg';
import request from 'supertest';
import { z } from 'zod';
import {
  ACTORS,
  createRegistryTestApp,
  memberBody,
  PAIRING_ENTITIES,
  PAIRING_MIGRATIONS,
  RegistryEventsConsumer,
  registryTopics,
  seedTwoDistricts,
  type RegistryTestApp,
} from './support/service-entry-points';
import { instrumentJestLoadedPg } from './support/instrument-jest-loaded-pg';

const MEMBER_TOPIC = REGISTRY_TOPICS.member;

/** What the consumer saw for one event: the Kafka headers and the span its handler ran in. */
interface Delivery {
  readonly headers: Readonly<Record<string, string>>;
  readonly handlerSpanId: string | undefined;
}

/**
 * The real pairing-visits consumer, unchanged, that also remembers how each event arrived: the
 * test needs the `traceparent` that was actually delivered (not the one the registry meant to
 * send), and which span the projection ran in (other suites' events share the catalogue topics).
 */
class RecordingRegistryEventsConsumer extends RegistryEventsConsumer {
  readonly deliveries = new Map<string, Delivery>();

  override async applyBatch(events: readonly ConsumedEvent<KnownEnvelope>[]): Promise<void> {
    const handlerSpanId = trace.getActiveSpan()?.spanContext().spanId;
    for (const event of events) {
      this.deliveries.set(event.envelope.aggregateId, { headers: event.context.headers, handlerSpanId });
    }
    await super.applyBatch(events);
  }
}

interface Traceparent {
  readonly traceId: string;
  readonly spanId: string;
}

/** A W3C `traceparent` header's ids; undefined when it is missing or malformed (asserted later). */
function parseTraceparent(value: string | undefined): Traceparent | undefined {
  const match = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/.exec(value ?? '');
  return match?.[1] && match[2] ? { traceId: match[1], spanId: match[2] } : undefined;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const queryText = (span: ReadableSpan): string => String(span.attributes['db.query.text'] ?? '');

/** Whether `ancestor` is `span` itself or on its parent chain (within the recorded spans). */
function descendsFrom(span: ReadableSpan, ancestor: ReadableSpan, spans: readonly ReadableSpan[]): boolean {
  const bySpanId = new Map(spans.map((candidate) => [candidate.spanContext().spanId, candidate]));
  for (let current: ReadableSpan | undefined = span; current;) {
    if (current.spanContext().spanId === ancestor.spanContext().spanId) return true;
    const parentId: string | undefined = current.parentSpanContext?.spanId;
    current = parentId === undefined ? undefined : bySpanId.get(parentId);
  }
  return false;
}

function spanById(spans: readonly ReadableSpan[], spanId: string): ReadableSpan | undefined {
  return spans.find((span) => span.spanContext().spanId === spanId);
}

describe('observability across services', () => {
  const telemetry = journeyTelemetry;
  let unpatchPg: (() => void) | undefined;
  let registry: RegistryTestApp | undefined;
  let pairingDb: TestDatabase | undefined;
  let producer: Producer | undefined;
  let relay: OutboxRelay | undefined;
  let consumer: RecordingRegistryEventsConsumer | undefined;

  // What the journey left behind, read by the assertions.
  let memberId = '';
  let spans: ReadableSpan[] = [];
  let outboxTraceparent: Traceparent | undefined;
  let deliveredTraceparent: Traceparent | undefined;
  let handlerSpanId: string | undefined;

  beforeAll(async () => {
    unpatchPg = instrumentJestLoadedPg(pg);

    const { kafkaBrokers } = await getTestInfra();
    const kafka = createKafka({
      brokers: kafkaBrokers,
      clientId: 'observability-journey',
      logLevel: 'error',
    });
    [registry, pairingDb] = await Promise.all([
      createRegistryTestApp(),
      createTestDatabase({
        short: 'pairing',
        migrations: [...PAIRING_MIGRATIONS],
        entities: PAIRING_ENTITIES,
        createDataSource: ({ url, name, migrations }) =>
          createDataSource({ url, name, entities: PAIRING_ENTITIES, migrations, poolSize: 4 }),
      }),
      ensureTopics(kafka, registryTopics()),
    ]);
    const ids = await seedTwoDistricts(registry.db);

    // Wired as each service's bootstrap wires them: the registry's relay on its own database, the
    // pairing consumer on its own (a group of this suite's own, so no other suite shares it).
    producer = await createIdempotentProducer(kafka);
    relay = new OutboxRelay({ dataSource: registry.db.dataSource, producer });
    await relay.start();
    consumer = new RecordingRegistryEventsConsumer(pairingDb.dataSource);
    await consumer.start(kafka, `${uniqueTopicPrefix()}pairing-visits.registry-projection`);

    // Only the journey's spans from here on (migrations and seeding recorded hundreds).
    telemetry.reset();
    const response = await request(registry.app.getHttpServer())
      .post('/api/v1/members')
      .set('authorization', await registry.token(ACTORS.taoyuanAdmin))
      .send(memberBody(ids.tyBranch))
      .expect(201);
    memberId = z.object({ id: z.uuid() }).parse(response.body).id;

    const projectionDb = pairingDb.dataSource;
    await waitFor('pairing-visits to project the member', () =>
      inTransaction(projectionDb, SYSTEM_SCOPE, async (tx) => {
        const rows = (await tx.manager.query('SELECT id FROM members WHERE id = $1', [
          memberId,
        ])) as unknown[];
        return rows.length === 1 ? true : undefined;
      }),
    );
    // The consumer span ends just after the projection commits; wait for it to be exported too.
    handlerSpanId = consumer.deliveries.get(memberId)?.handlerSpanId;
    spans = await waitFor('the span the projection ran in to end', async () => {
      const finished = await telemetry.finishedSpans();
      return finished.some((span) => span.spanContext().spanId === handlerSpanId) ? finished : undefined;
    });

    const outbox = (await registry.db.ownerDataSource.query('SELECT headers FROM outbox WHERE key = $1', [
      memberId,
    ])) as { headers: Record<string, string> }[];
    outboxTraceparent = parseTraceparent(outbox[0]?.headers['traceparent']);
    deliveredTraceparent = parseTraceparent(consumer.deliveries.get(memberId)?.headers['traceparent']);
  }, 60_000);

  afterAll(async () => {
    // Reverse order of start; each step runs even if an earlier one failed.
    const steps: (() => Promise<unknown> | void)[] = [
      () => consumer?.stop(),
      () => relay?.stop(),
      () => producer?.disconnect(),
      () => registry?.close(),
      () => pairingDb?.drop(),
      () => unpatchPg?.(),
      () => telemetry.shutdown(),
    ];
    const failures: unknown[] = [];
    for (const step of steps) {
      try {
        await step();
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0) throw new AggregateError(failures, 'cleanup failed');
  }, 30_000);

  /** The spans of the request's trace, picked out by what the platform really records. */
  function journeySpans() {
    const server = spans.find(
      (span) =>
        span.kind === SpanKind.SERVER &&
        span.attributes['http.request.method'] === 'POST' &&
        span.attributes['http.route'] === '/api/v1/members',
    );
    if (!server) throw new Error('no SERVER span for POST /api/v1/members was recorded');
    const traceId = server.spanContext().traceId;
    const sameTrace = spans.filter((span) => span.spanContext().traceId === traceId);
    const dbSpan = (database: string | undefined, statement: RegExp) =>
      sameTrace.find(
        (span) =>
          span.kind === SpanKind.CLIENT &&
          span.attributes['db.system.name'] === 'postgresql' &&
          span.attributes['db.namespace'] === database &&
          statement.test(queryText(span)),
      );
    return {
      traceId,
      sameTrace,
      server,
      memberInsert: dbSpan(registry?.db.name, /^\s*INSERT INTO members\b/i),
      outboxInsert: dbSpan(registry?.db.name, /^\s*INSERT INTO outbox\b/i),
      publish: sameTrace.find(
        (span) =>
          span.kind === SpanKind.PRODUCER && span.attributes['messaging.destination.name'] === MEMBER_TOPIC,
      ),
      // The span pairing-visits' handler ran in for this member, if it is in the request's trace.
      consume: sameTrace.find((span) => span.spanContext().spanId === handlerSpanId),
      inboxInsert: dbSpan(pairingDb?.name, /^\s*INSERT INTO inbox\b/i),
      projectionInsert: dbSpan(pairingDb?.name, /^\s*INSERT INTO "members"/i),
    };
  }

  it('keeps one trace id from the registry request through its insert, the Kafka message and the pairing consume to the projection insert', () => {
    const { traceId, sameTrace, server, memberInsert, outboxInsert, consume, inboxInsert, projectionInsert } =
      journeySpans();

    // Every hop is in the request's trace (a missing one shows up by name in the diff)…
    const inTrace = { memberInsert, outboxInsert, consume, inboxInsert, projectionInsert };
    expect(
      Object.fromEntries(Object.entries(inTrace).map(([hop, span]) => [hop, span !== undefined])),
    ).toEqual({
      memberInsert: true,
      outboxInsert: true,
      consume: true,
      inboxInsert: true,
      projectionInsert: true,
    });
    // …with the attributes the instrumentation and the libraries set.
    expect(server).toMatchObject({ kind: SpanKind.SERVER, attributes: { 'http.response.status_code': 201 } });
    expect(memberInsert?.attributes).toMatchObject({
      'db.system.name': 'postgresql',
      'db.namespace': registry?.db.name,
    });
    expect(consume?.kind).toBe(SpanKind.CONSUMER);
    expect(consume?.attributes).toMatchObject({
      'messaging.system': 'kafka',
      'messaging.operation.type': 'process',
      'messaging.destination.name': MEMBER_TOPIC,
    });
    expect(projectionInsert?.attributes).toMatchObject({
      'db.system.name': 'postgresql',
      'db.namespace': pairingDb?.name,
    });

    // The request opened the trace; the registry's writes happened inside it.
    expect(server.parentSpanContext).toBeUndefined();
    for (const write of [memberInsert, outboxInsert]) {
      expect(write && descendsFrom(write, server, sameTrace)).toBe(true);
    }

    // The outbox row captured the request's context, and that context reached Kafka's headers.
    expect(outboxTraceparent?.traceId).toBe(traceId);
    const captured = spanById(sameTrace, outboxTraceparent?.spanId ?? '');
    expect(captured && descendsFrom(captured, server, sameTrace)).toBe(true);
    expect(deliveredTraceparent?.traceId).toBe(traceId);
    const delivered = spanById(sameTrace, deliveredTraceparent?.spanId ?? '');
    expect(delivered && descendsFrom(delivered, server, sameTrace)).toBe(true);

    // pairing-visits continued exactly the delivered context, and projected inside its consume span.
    expect(consume?.parentSpanContext).toMatchObject({
      traceId,
      spanId: deliveredTraceparent?.spanId,
      isRemote: true,
    });
    for (const write of [inboxInsert, projectionInsert]) {
      expect(write && consume && descendsFrom(write, consume, sameTrace)).toBe(true);
    }
  });

  // The outbox relay records a PRODUCER span per message: its parent is the context the outbox
  // row captured during the request, and its own context is what the Kafka headers carry.
  it('records the outbox relay publish as a PRODUCER span between the request and the consume', () => {
    const { traceId, sameTrace, server, publish, consume } = journeySpans();

    expect(publish?.attributes).toMatchObject({
      'messaging.system': 'kafka',
      'messaging.destination.name': MEMBER_TOPIC,
    });
    expect(publish?.spanContext().traceId).toBe(traceId);
    // Parent or link: the context the outbox row captured during the request.
    const fromOutbox =
      publish?.parentSpanContext?.spanId === outboxTraceparent?.spanId ||
      (publish?.links ?? []).some((link) => link.context.spanId === outboxTraceparent?.spanId);
    expect(fromOutbox).toBe(true);
    expect(publish && descendsFrom(publish, server, sameTrace)).toBe(true);
    // The consume continues the publish span, whose context the relay put in the Kafka headers.
    expect(deliveredTraceparent?.spanId).toBe(publish?.spanContext().spanId);
    expect(consume?.parentSpanContext?.spanId).toBe(publish?.spanContext().spanId);
  });
});
