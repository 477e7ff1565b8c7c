/**
 * kafkajs → dev broker → kafkajs on this machine, 1 KiB messages. Prints one JSON document.
 * Not a test: numbers depend on the machine. The broker runs as a separate process (through its
 * CLI) so its peak RSS (VmHWM) is measured alone.
 *
 *   npm run bench:broker                 # 1 GiB produced (1,048,576 messages)
 *   BENCH_MESSAGES=200000 npm run bench:broker
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { transformFileSync } from '@swc/core';
import { Kafka, logLevel } from 'kafkajs';
import { freePort, spawnBroker } from '../test/support/broker-process';

const MESSAGES = Number(process.env['BENCH_MESSAGES'] ?? 1_048_576);
const BATCH = 100;
const PARTITIONS = 4;
const IN_FLIGHT = 8;
const VALUE = Buffer.alloc(1024, 'x');
const LATENCY_RATE = 1000;
const LATENCY_SECONDS = Number(process.env['BENCH_LATENCY_SECONDS'] ?? 10);
/** kafkajs encodes records in JS on one thread; more producer threads show what the broker takes. */
const PRODUCER_THREADS = Number(process.env['BENCH_PRODUCER_THREADS'] ?? 2);

interface ProduceJob {
  brokers: string;
  firstBatch: number;
  batchCount: number;
  inFlight: number;
}

/** Sends `batchCount` batches of 100 × 1 KiB with acks=-1, `inFlight` at a time. */
async function produceBatches(job: ProduceJob): Promise<void> {
  const kafka = new Kafka({ brokers: [job.brokers], clientId: 'bench-producer', logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  let next = 0;
  await Promise.all(
    Array.from({ length: job.inFlight }, async () => {
      while (next < job.batchCount) {
        const b = job.firstBatch + next++;
        await producer.send({
          topic: 'bench',
          acks: -1,
          messages: Array.from({ length: BATCH }, () => ({ value: VALUE, partition: b % PARTITIONS })),
        });
      }
    }),
  );
  await producer.disconnect();
}

function produceInThread(job: ProduceJob): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: job });
    worker.once('error', reject);
    worker.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`producer thread exited with ${code}`)),
    );
  });
}

function peakRssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match?.[1] === undefined ? -1 : Number(match[1]) * 1024;
}

/** User + system CPU seconds the broker process has used so far (from /proc/<pid>/stat). */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks / 100;
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? dirBytes(full) : fs.statSync(full).size;
  }
  return total;
}

/**
 * Compiles src/ to plain CommonJS in a temp dir, so the measured broker process holds only the
 * broker (set BENCH_BROKER_RUNTIME=swc-node to measure `npm run broker` as it is).
 */
function compileBroker(): string {
  const srcDir = path.join(__dirname, '..', 'src');
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broker-js-'));
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.includes('spec')) {
        const out = path.join(outDir, path.relative(srcDir, full)).replace(/\.ts$/, '.js');
        fs.mkdirSync(path.dirname(out), { recursive: true });
        const { code } = transformFileSync(full, {
          jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
          module: { type: 'commonjs' },
        });
        fs.writeFileSync(out, code);
      }
    }
  };
  walk(srcDir);
  return path.join(outDir, 'cli.js');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? -1;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broker-bench-'));
  const runtime = process.env['BENCH_BROKER_RUNTIME'] === 'swc-node' ? 'swc-node' : 'compiled';
  const compiledCli = runtime === 'compiled' ? compileBroker() : undefined;
  const broker = await spawnBroker(dataDir, await freePort(), [], compiledCli);
  const pid = broker.child.pid ?? -1;
  const kafka = new Kafka({ brokers: [broker.brokers], clientId: 'bench', logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: [
      { topic: 'bench', numPartitions: PARTITIONS },
      { topic: 'latency', numPartitions: 1 },
    ],
  });
  await admin.disconnect();

  // Throughput: batches of 100 × 1 KiB, acks=-1, split over PRODUCER_THREADS kafkajs producers.
  const batches = Math.ceil(MESSAGES / BATCH);
  const perThread = Math.ceil(batches / PRODUCER_THREADS);
  const cpuBeforeProduce = cpuSeconds(pid);
  const produceStart = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: PRODUCER_THREADS }, (_, t) =>
      produceInThread({
        brokers: broker.brokers,
        firstBatch: t * perThread,
        batchCount: Math.max(0, Math.min(perThread, batches - t * perThread)),
        inFlight: IN_FLIGHT,
      }),
    ),
  );
  const produceSeconds = Number(process.hrtime.bigint() - produceStart) / 1e9;
  const produced = batches * BATCH;
  const produceBrokerCpu = cpuSeconds(pid) - cpuBeforeProduce;

  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();

  // Consume everything back through a consumer group.
  const consumer = kafka.consumer({
    groupId: 'bench',
    maxWaitTimeInMs: 100,
    sessionTimeout: 30_000,
    maxBytes: 16 * 1024 * 1024,
    maxBytesPerPartition: 4 * 1024 * 1024,
  });
  await consumer.connect();
  await consumer.subscribe({ topic: 'bench', fromBeginning: true });
  let consumed = 0;
  let consumeStart = 0n;
  const consumedAll = new Promise<void>((resolve) => {
    void consumer.run({
      partitionsConsumedConcurrently: PARTITIONS,
      eachBatchAutoResolve: true,
      eachBatch: async ({ batch }) => {
        if (consumeStart === 0n) consumeStart = process.hrtime.bigint();
        consumed += batch.messages.length;
        if (consumed >= produced) resolve();
      },
    });
  });
  await consumedAll;
  const consumeSeconds = Number(process.hrtime.bigint() - consumeStart) / 1e9;
  const consumeBrokerCpu = cpuSeconds(pid) - cpuBeforeProduce - produceBrokerCpu;
  await consumer.disconnect();

  // Latency: one message at a time at a steady 1,000 msgs/s, each acks=-1.
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  const total = LATENCY_RATE * LATENCY_SECONDS;
  const latencyStart = performance.now();
  for (let i = 0; i < total; i++) {
    const due = latencyStart + (i * 1000) / LATENCY_RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const sentAt = performance.now();
    pending.push(
      producer.send({ topic: 'latency', acks: -1, messages: [{ value: VALUE }] }).then(() => {
        latencies.push(performance.now() - sentAt);
      }),
    );
  }
  await Promise.all(pending);
  const achievedRate = total / ((performance.now() - latencyStart) / 1000);
  latencies.sort((a, b) => a - b);
  await producer.disconnect();

  const peakRss = peakRssBytes(pid);
  const onDisk = dirBytes(dataDir);
  await broker.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (compiledCli !== undefined) fs.rmSync(path.dirname(compiledCli), { recursive: true, force: true });

  const mb = (produced * VALUE.length) / (1024 * 1024);
  process.stdout.write(
    `${JSON.stringify(
      {
        machine: { cpus: os.cpus().length, node: process.version },
        messageBytes: VALUE.length,
        messages: produced,
        produce: {
          batchSize: BATCH,
          acks: -1,
          producerThreads: PRODUCER_THREADS,
          inFlightPerProducer: IN_FLIGHT,
          seconds: +produceSeconds.toFixed(2),
          msgsPerSec: Math.round(produced / produceSeconds),
          mbPerSec: +(mb / produceSeconds).toFixed(1),
          brokerCpuSeconds: +produceBrokerCpu.toFixed(2),
        },
        consume: {
          seconds: +consumeSeconds.toFixed(2),
          msgsPerSec: Math.round(produced / consumeSeconds),
          brokerCpuSeconds: +consumeBrokerCpu.toFixed(2),
        },
        latencyAt1000MsgsPerSec: {
          messages: total,
          achievedRate: Math.round(achievedRate),
          p50Ms: +percentile(latencies, 50).toFixed(2),
          p99Ms: +percentile(latencies, 99).toFixed(2),
          maxMs: +(latencies.at(-1) ?? -1).toFixed(2),
        },
        broker: {
          runtime,
          peakRssMB: +(peakRss / (1024 * 1024)).toFixed(1),
          dataOnDiskMB: +(onDisk / (1024 * 1024)).toFixed(1),
        },
      },
      null,
      2,
    )}\n`,
  );
}

if (isMainThread) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
} else {
  produceBatches(workerData as ProduceJob)
    .then(() => parentPort?.close())
    .catch((err: unknown) => {
      process.stderr.write(`${String(err)}\n`);
      process.exit(1);
    });
}
