// `npm run bench:pipeline` — throughput and latency of the whole event pipeline on this machine:
//   writer transaction (state change + outbox row) → OutboxRelay → dev broker → consumer runner
//   → one transaction per batch (inbox row per event + projection row) → projection table.
// Real components only: embedded Postgres with durable settings (fsync and synchronous_commit on,
// as in production), the dev broker in a child process, the real relay and consumer. As deployed,
// the producing side (writers + relay, one "service") and the consuming side (consumer runner +
// projection, another "service") are separate processes: this file forks itself with --consumer.
// Prints one JSON document. A benchmark, not a test: it asserts nothing.
//
// Two phases:
//   drain — N events already in the outbox (written while the relay was off); the time until all of
//           them are in the projection gives the sustained outbox → projection rate.
//   live  — writers commit one event per transaction at a fixed offered rate while the relay and
//           consumer run; latency is measured per event from the writer's commit (the promise
//           resolved) to the consumer's projection commit, both clocks in this process.
import { fork, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  buildEnvelope,
  defineEvent,
  dlqName,
  type EnvelopeOf,
  type TopicDefinition,
} from '@lianxin/contracts';
import {
  createIdempotentProducer,
  createKafka,
  ensureTopics,
  startConsumer,
} from '@lianxin/platform-messaging';
import {
  claimInbox,
  createDataSource,
  inTransaction,
  OutboxRelay,
  outboxInboxMigrations,
  runMigrations,
  SYSTEM_SCOPE,
} from '@lianxin/platform-persistence';
import {
  findFreePort,
  findRunningPostmaster,
  provisionServiceDatabase,
  startBrokerProcess,
  startEmbeddedPostgres,
} from '@lianxin/platform-runtime';
import { type DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';

const WORKSPACE_ROOT = resolve(__dirname, '../..');
const DRAIN_EVENTS = 40_000;
const LIVE_RATE_PER_S = 5_000;
const LIVE_SECONDS = 10;
const WRITERS = 8;
const FILL_BATCH = 200;
const PARTITIONS = 4;
const AGGREGATES = 1_000;

const benchChanged = defineEvent({
  type: 'bench.item.changed',
  version: 1,
  topic: 'lianxin.bench.item.v1',
  schema: z.object({ sequence: z.number().int().nonnegative(), label: z.string().max(40) }),
  description: 'Benchmark-only event.',
  example: { sequence: 1, label: 'one' },
});
type BenchEnvelope = EnvelopeOf<typeof benchChanged>;

const topic: TopicDefinition = {
  name: 'lianxin.bench.item.v1',
  owner: 'bench',
  description: 'Benchmark-only topic.',
  key: 'item id',
  partitions: PARTITIONS,
  retentionMs: 3_600_000,
  cleanupPolicy: 'delete',
  dlq: dlqName('lianxin.bench.item.v1'),
  events: [benchChanged],
};

class CreateBenchTables1735689600002 implements MigrationInterface {
  readonly name = 'CreateBenchTables1735689600002';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE bench_item (id uuid PRIMARY KEY, sequence integer NOT NULL, updated_at timestamptz NOT NULL)',
    );
    await queryRunner.query(
      'CREATE TABLE bench_projection (event_id uuid PRIMARY KEY, aggregate_id uuid NOT NULL, sequence integer NOT NULL)',
    );
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE bench_projection');
    await queryRunner.query('DROP TABLE bench_item');
  }
}

const aggregates = Array.from({ length: AGGREGATES }, () => uuidv7());
let sequence = 0;

function nextEnvelope(): BenchEnvelope {
  sequence += 1;
  return buildEnvelope(benchChanged, {
    source: 'bench',
    districtId: null,
    orgUnitPath: '/lx/',
    aggregateId: aggregates[sequence % AGGREGATES] ?? '',
    correlationId: `bench-${sequence}`,
    actor: { id: 'system', role: 'system' },
    data: { sequence, label: `item ${sequence}` },
  });
}

/** One service write: upsert the aggregate's row and publish its event, in one transaction. */
async function writeChange(dataSource: DataSource): Promise<string> {
  const envelope = nextEnvelope();
  await inTransaction(dataSource, '/lx/', async (tx) => {
    await tx.manager.query(
      `INSERT INTO bench_item (id, sequence, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (id) DO UPDATE SET sequence = excluded.sequence, updated_at = excluded.updated_at`,
      [envelope.aggregateId, envelope.data.sequence],
    );
    tx.publish(topic, envelope);
  });
  return envelope.id;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 10));
  }
}

// CPU accounting from /proc (Linux): the machine running this may be shared, so besides wall-clock
// rates the bench reports CPU seconds per 1,000 events for each component, which do not depend on
// what else runs. utime+stime (+cutime+cstime for postgres: exited backends and autovacuum
// workers are charged to the postmaster when reaped).
const CLOCK_TICKS = 100;

function procTimes(pid: number): { self: number; children: number; ppid: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const value = (index: number): number => Number(fields[index - 3] ?? 0);
    return {
      self: (value(14) + value(15)) / CLOCK_TICKS,
      children: (value(16) + value(17)) / CLOCK_TICKS,
      ppid: value(4),
    };
  } catch {
    return undefined;
  }
}

function postgresCpuSeconds(postmaster: number): number {
  let total = 0;
  const root = procTimes(postmaster);
  if (root) total += root.self + root.children;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const times = procTimes(Number(entry));
    if (times?.ppid === postmaster) total += times.self;
  }
  return total;
}

interface CpuSnapshot {
  producerProcess: number;
  consumerProcess: number;
  broker: number;
  postgres: number;
}

function cpuSnapshot(pids: { consumer: number; broker: number; postmaster: number }): CpuSnapshot {
  return {
    producerProcess: procTimes(process.pid)?.self ?? 0,
    consumerProcess: procTimes(pids.consumer)?.self ?? 0,
    broker: procTimes(pids.broker)?.self ?? 0,
    postgres: postgresCpuSeconds(pids.postmaster),
  };
}

/** CPU seconds per 1,000 events, per component and in total, between two snapshots. */
function cpuPerThousand(
  before: CpuSnapshot,
  after: CpuSnapshot,
  events: number,
): Record<keyof CpuSnapshot | 'total', number> {
  const per = (key: keyof CpuSnapshot): number =>
    Number((((after[key] - before[key]) * 1000) / events).toFixed(3));
  const parts = {
    producerProcess: per('producerProcess'),
    consumerProcess: per('consumerProcess'),
    broker: per('broker'),
    postgres: per('postgres'),
  };
  return {
    ...parts,
    total: Number(
      Object.values(parts)
        .reduce((sum, value) => sum + value, 0)
        .toFixed(3),
    ),
  };
}

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes. */
function now(): number {
  return performance.timeOrigin + performance.now();
}

interface ProjectedReport {
  ids: string[];
  at: number;
}

/** The consuming service: consumer runner → one transaction per batch (inbox + projection). */
async function runConsumerProcess(appUrl: string, brokers: string): Promise<void> {
  const consumerDb = createDataSource({ url: appUrl, name: 'bench-consumer', poolSize: PARTITIONS });
  await consumerDb.initialize();
  const kafka = createKafka({ brokers: [brokers], clientId: 'bench-consumer', logLevel: 'nothing' });
  const consumer = await startConsumer<BenchEnvelope>({
    kafka,
    groupId: 'bench-projection',
    topics: [topic],
    partitionsConsumedConcurrently: PARTITIONS,
    handleBatch: async (events) => {
      await inTransaction(consumerDb, SYSTEM_SCOPE, async (tx) => {
        const fresh = await claimInbox(
          tx,
          'bench-projection',
          events.map((event) => event.envelope.id),
        );
        const applied = events.map((event) => event.envelope).filter((envelope) => fresh.has(envelope.id));
        await tx.manager.query(
          `INSERT INTO bench_projection (event_id, aggregate_id, sequence)
           SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[]) ON CONFLICT DO NOTHING`,
          [applied.map((e) => e.id), applied.map((e) => e.aggregateId), applied.map((e) => e.data.sequence)],
        );
      });
      const report: ProjectedReport = { ids: events.map((event) => event.envelope.id), at: now() };
      process.send?.(report);
    },
  });
  process.send?.('ready');
  process.once('disconnect', () => {
    void consumer
      .stop()
      .then(() => consumerDb.destroy())
      .finally(() => process.exit(0));
  });
}

function startConsumerProcess(
  appUrl: string,
  brokers: string,
  onReport: (report: ProjectedReport) => void,
): Promise<ChildProcess> {
  const child = fork(__filename, ['--consumer', appUrl, brokers], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolvePromise, reject) => {
    child.on('message', (message: unknown) => {
      if (message === 'ready') resolvePromise(child);
      else onReport(message as ProjectedReport);
    });
    child.once('exit', (code) => reject(new Error(`consumer process exited with ${String(code)}`)));
  });
}

async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'lianxin-bench-'));
  // The embedded postgres runs as its own user when we are root: it must reach the directory.
  chmodSync(scratch, 0o755);
  const postgres = await startEmbeddedPostgres({
    dataDir: join(scratch, 'pg'),
    port: await findFreePort(),
    persistent: false,
  });
  const broker = await startBrokerProcess({
    workspaceRoot: WORKSPACE_ROOT,
    dataDir: join(scratch, 'broker'),
    port: 0,
    env: process.env,
    log: () => undefined,
    extraArgs: ['--log-level', 'warn'],
    name: 'bench-broker',
  });
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    const db = await provisionServiceDatabase(postgres.adminUrl, {
      database: 'lianxin_bench',
      short: 'bench',
    });
    const owner = createDataSource({
      url: db.ownerUrl,
      name: 'bench-migrate',
      migrations: [...outboxInboxMigrations, CreateBenchTables1735689600002],
      poolSize: 1,
    });
    await runMigrations(owner);
    await owner.destroy();

    // Separate pools, as separate services/components would have.
    const writerDb = createDataSource({ url: db.appUrl, name: 'bench-writer', poolSize: WRITERS });
    const relayDb = createDataSource({ url: db.appUrl, name: 'bench-relay', poolSize: 2 });
    for (const dataSource of [writerDb, relayDb]) {
      await dataSource.initialize();
      cleanups.push(() => dataSource.destroy());
    }

    const kafka = createKafka({ brokers: [broker.brokers], clientId: 'bench', logLevel: 'nothing' });
    await ensureTopics(kafka, [topic]);
    const producer = await createIdempotentProducer(kafka);
    cleanups.push(() => producer.disconnect());

    // Phase 1: fill the outbox with the relay off (as after an outage) through tx.publish, 200
    // events per transaction to keep the setup short (the live phase measures single-event writes).
    for (let filled = 0; filled < DRAIN_EVENTS; filled += FILL_BATCH) {
      await inTransaction(writerDb, '/lx/', async (tx) => {
        for (let index = 0; index < FILL_BATCH; index += 1) tx.publish(topic, nextEnvelope());
      });
    }

    const committedAt = new Map<string, number>();
    const latencies: number[] = [];
    let projected = 0;
    let batches = 0;
    const child = await startConsumerProcess(db.appUrl, broker.brokers, (report) => {
      projected += report.ids.length;
      batches += 1;
      for (const id of report.ids) {
        const committed = committedAt.get(id);
        if (committed !== undefined) latencies.push(report.at - committed);
      }
    });
    cleanups.unshift(async () => {
      const exited = new Promise((done) => child.once('exit', done));
      child.disconnect();
      await exited;
    });

    const postmaster = findRunningPostmaster(join(scratch, 'pg'));
    const pids = { consumer: child.pid ?? 0, broker: broker.pid, postmaster: postmaster ?? 0 };

    // Phase 2: drain.
    const drainCpuBefore = cpuSnapshot(pids);
    const relay = new OutboxRelay({ dataSource: relayDb, producer, batchSize: 1000, pollMs: 200 });
    const drainStarted = performance.now();
    await relay.start();
    cleanups.unshift(() => relay.stop());
    await waitUntil(() => projected >= DRAIN_EVENTS, 300_000, 'draining the outbox into the projection');
    const drainSeconds = (performance.now() - drainStarted) / 1000;
    const drainBatches = batches;
    const drainCpu = cpuPerThousand(drainCpuBefore, cpuSnapshot(pids), DRAIN_EVENTS);

    // Phase 3: live, one event per transaction, offered at a fixed rate for LIVE_SECONDS (writers
    // that fall behind the schedule write as fast as they can: then this measures saturation).
    const liveCpuBefore = cpuSnapshot(pids);
    const liveStarted = performance.now();
    const liveEndsAt = liveStarted + LIVE_SECONDS * 1000;
    let issued = 0;
    let lagging = 0;
    await Promise.all(
      Array.from({ length: WRITERS }, async () => {
        for (;;) {
          const index = issued;
          if (performance.now() >= liveEndsAt) return;
          issued += 1;
          const due = liveStarted + (index * 1000) / LIVE_RATE_PER_S;
          const wait = due - performance.now();
          if (wait > 1) await new Promise((done) => setTimeout(done, wait));
          else if (wait < -100) lagging += 1;
          const id = await writeChange(writerDb);
          committedAt.set(id, now());
        }
      }),
    );
    const writesDone = performance.now();
    const liveTotal = issued;
    await waitUntil(() => projected >= DRAIN_EVENTS + liveTotal, 120_000, 'projecting the live events');
    const liveEnd = performance.now();
    const liveCpu = cpuPerThousand(liveCpuBefore, cpuSnapshot(pids), liveTotal);
    // An event can be projected before its writer's commit promise resolved (the relay saw the
    // committed row first); such events have no sample. `samples` says how many were measured.
    const sorted = [...latencies].sort((a, b) => a - b);

    process.stdout.write(
      `${JSON.stringify(
        {
          benchmark: 'pipeline: outbox → relay → dev broker → consumer → inbox + projection',
          machine: {
            cpus: availableParallelism(),
            node: process.version,
            loadAverageAtEnd: loadavg().map((load) => Number(load.toFixed(2))),
          },
          setup: {
            partitions: PARTITIONS,
            writers: WRITERS,
            relayBatchSize: 1000,
            aggregates: AGGREGATES,
            postgres: 'embedded, fsync on, synchronous_commit on',
          },
          drain: {
            events: DRAIN_EVENTS,
            seconds: Number(drainSeconds.toFixed(2)),
            eventsPerSecond: Math.round(DRAIN_EVENTS / drainSeconds),
            consumerBatches: drainBatches,
            cpuSecondsPer1000Events: drainCpu,
            // If the pipeline had the machine's cores to itself and stayed CPU-bound.
            estimatedEventsPerSecondOnIdleMachine: Math.round(
              (availableParallelism() * 1000) / drainCpu.total,
            ),
          },
          live: {
            offeredPerSecond: LIVE_RATE_PER_S,
            transaction: 'upsert one state row + one outbox row',
            events: liveTotal,
            writeSeconds: Number(((writesDone - liveStarted) / 1000).toFixed(2)),
            achievedWritesPerSecond: Math.round(liveTotal / ((writesDone - liveStarted) / 1000)),
            endToEndEventsPerSecond: Math.round(liveTotal / ((liveEnd - liveStarted) / 1000)),
            writesBehindSchedule: lagging,
            cpuSecondsPer1000Events: liveCpu,
            estimatedEventsPerSecondOnIdleMachine: Math.round(
              (availableParallelism() * 1000) / liveCpu.total,
            ),
            latencyMs: {
              samples: sorted.length,
              p50: Number(percentile(sorted, 50).toFixed(1)),
              p90: Number(percentile(sorted, 90).toFixed(1)),
              p99: Number(percentile(sorted, 99).toFixed(1)),
              max: Number((sorted.at(-1) ?? Number.NaN).toFixed(1)),
            },
          },
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
    await broker.stop();
    await postgres.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

const role =
  process.argv[2] === '--consumer'
    ? runConsumerProcess(process.argv[3] ?? '', process.argv[4] ?? '')
    : main();
role.catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
