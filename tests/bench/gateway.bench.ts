// `npm run bench:gateway` — what the gateway costs on an authenticated GET, on this machine.
// Three processes: the stand-in registry service (verifies the token again, checks matrix and
// scope, answers JSON), the gateway (token verification, permission + scope check, rate limit,
// correlation id, forwarding over a keep-alive pool, request log at info level) and autocannon.
// The same request is measured straight to the service and through the gateway:
//   fixed — 200 requests/s offered (the target: gateway p99 overhead < 5 ms), in ROUNDS rounds
//     that alternate direct and via-gateway (the order swaps every round, each side warmed up
//     first), so one noisy stretch of the shared machine cannot decide the result. Two load
//     shapes per side and round: `steady` (one request every 5 ms, open loop, keep-alive) and
//     `burst` (autocannon's `overallRate`: every connection sends its share of the second back
//     to back when the second starts, i.e. 200 requests at concurrency 10 once a second). Every
//     latency is kept, so per-round and pooled percentiles are exact (autocannon's own histogram
//     at a fixed rate adds coordinated-omission fill-ins every 1 ms — see ADR 0010).
//   saturation — as many as 50 connections can push (the target: >= 2,000 GET/s).
// The gateway is started with SERVER_TIMING=1, so each answer names the upstream time the
// gateway measured; `client latency - upstream time` is the gateway's own added time, reported
// as an extra figure next to the direct/via difference (never instead of it).
// Prints one JSON document. A benchmark, not a test: it asserts nothing.
// BENCH_GATEWAY_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`) is passed to the gateway process;
// BENCH_GATEWAY_ROUNDS overrides the number of fixed-rate rounds (default 6);
// BENCH_GATEWAY_TELEMETRY=1 starts OpenTelemetry in it first, as main.ts does (one recording span
// per request, no exporter).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { importPKCS8, SignJWT } from 'jose';
import {
  findFreePort,
  provisionServiceDatabase,
  startEmbeddedPostgres,
  stopChild,
  waitForHttp,
} from '@lianxin/platform-runtime';

const ROOT = resolve(__dirname, '../..');
const MEMBER_PATH = '/api/v1/members/0190b000-0000-7000-8000-000000000003';
// BENCH_QUICK=1 shortens every phase (for profiling runs); the reported numbers use the defaults.
const QUICK = process.env['BENCH_QUICK'] === '1';
const WARMUP_S = QUICK ? 1 : 3;
const FIXED_RATE = 200;
const FIXED_CONNECTIONS = 10;
const ROUNDS = Number(process.env['BENCH_GATEWAY_ROUNDS'] ?? (QUICK ? 2 : 6));
const ROUND_WARMUP_S = QUICK ? 1 : 2;
const STEADY_S = QUICK ? 3 : 10;
const BURST_S = QUICK ? 2 : 5;
const TARGET_P99_OVERHEAD_MS = 5;
const SATURATION_S = QUICK ? 5 : 15;
const SATURATION_CONNECTIONS = 50;

interface Measurement {
  readonly requestsPerSec: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  /**
   * CPU time (user + system) the measured server process spent per request in the measured phase.
   * Unlike throughput and latency on this shared machine, it barely depends on what else runs.
   */
  readonly serverCpuMsPerRequest?: number;
}

/** User + system CPU time of a process in ms, from /proc (Linux; undefined elsewhere). */
function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    // USER_HZ is 100 on Linux.
    return Number.isFinite(ticks) ? ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}

function startChild(
  script: string,
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; origin: string }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolvePromise, reject) => {
    if (!child.stdout) throw new Error('no stdout');
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const ready = /^READY (\S+)/.exec(line);
      if (ready?.[1]) resolvePromise({ child, origin: ready[1] });
      // Other stdout (request logs) is read and dropped, as a log shipper would.
    });
    child.once('exit', (code) =>
      reject(new Error(`${script} exited with ${String(code)} before it was ready`)),
    );
  });
}

async function measure(
  url: string,
  token: string,
  options: { connections: number; durationS: number; serverPid?: number },
): Promise<Measurement> {
  const headers = { authorization: `Bearer ${token}` };
  await autocannon({
    url,
    headers,
    connections: options.connections,
    duration: WARMUP_S,
  });
  const cpuBefore = processCpuMs(options.serverPid);
  const result = await autocannon({
    url,
    headers,
    connections: options.connections,
    duration: options.durationS,
  });
  const cpuAfter = processCpuMs(options.serverPid);
  const cpuPerRequest =
    cpuBefore !== undefined && cpuAfter !== undefined && result.requests.total > 0
      ? round((cpuAfter - cpuBefore) / result.requests.total)
      : undefined;
  return {
    requestsPerSec: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    ...(cpuPerRequest !== undefined ? { serverCpuMsPerRequest: cpuPerRequest } : {}),
  };
}

/** Every latency of one phase, in ms, and what went wrong. */
interface PhaseSamples {
  readonly latencyMs: number[];
  /** Client latency minus the `Server-Timing: upstream` the gateway reported (via-gateway only). */
  readonly gatewayAddedMs: number[];
  non2xx: number;
  errors: number;
  /** How late the load generator sent its most delayed request (its own event loop's lag). */
  maxSendLagMs: number;
}

interface Percentiles {
  readonly n: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest rank: the smallest value with at least q of the samples at or below it.
  const at = (q: number): number => round(sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? NaN);
  return { n: sorted.length, p50Ms: at(0.5), p90Ms: at(0.9), p99Ms: at(0.99), maxMs: at(1) };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return round(
    sorted.length % 2 === 1
      ? (sorted[middle] ?? NaN)
      : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2,
  );
}

function serverTimingUpstreamMs(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header.join(',') : header;
  const match = value ? /(?:^|,)\s*upstream;dur=([\d.]+)/.exec(value) : null;
  return match?.[1] ? Number(match[1]) : undefined;
}

/**
 * Open-loop steady load: one request every 1000/rate ms on its schedule whether or not earlier
 * answers are back (keep-alive sockets, up to FIXED_CONNECTIONS in flight at once). Latency runs
 * from the moment the request is handed to Node's http client to the last byte of the answer.
 */
function steadyLoad(url: string, token: string, rate: number, durationS: number): Promise<PhaseSamples> {
  const target = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: FIXED_CONNECTIONS });
  const intervalNs = BigInt(Math.round(1e9 / rate));
  const total = Math.round(rate * durationS);
  const samples: PhaseSamples = { latencyMs: [], gatewayAddedMs: [], non2xx: 0, errors: 0, maxSendLagMs: 0 };
  return new Promise((resolvePromise) => {
    let sent = 0;
    let done = 0;
    const finish = (): void => {
      done += 1;
      if (done === total) {
        agent.destroy();
        resolvePromise(samples);
      }
    };
    const fire = (): void => {
      const started = process.hrtime.bigint();
      const req = httpRequest(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname + target.search,
          headers: { authorization: `Bearer ${token}` },
        },
        (res) => {
          res.resume();
          res.once('end', () => {
            const latency = Number(process.hrtime.bigint() - started) / 1e6;
            if (res.statusCode !== 200) samples.non2xx += 1;
            else {
              samples.latencyMs.push(latency);
              const upstream = serverTimingUpstreamMs(res.headers['server-timing']);
              if (upstream !== undefined) samples.gatewayAddedMs.push(latency - upstream);
            }
            finish();
          });
        },
      );
      req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
      req.once('error', () => {
        samples.errors += 1;
        finish();
      });
      req.end();
    };
    const t0 = process.hrtime.bigint();
    const tick = (): void => {
      const now = process.hrtime.bigint();
      while (sent < total && t0 + BigInt(sent) * intervalNs <= now) {
        const lag = Number(now - (t0 + BigInt(sent) * intervalNs)) / 1e6;
        if (lag > samples.maxSendLagMs) samples.maxSendLagMs = round(lag);
        sent += 1;
        fire();
      }
      if (sent < total) {
        const next = t0 + BigInt(sent) * intervalNs;
        setTimeout(tick, Math.max(0, Number(next - process.hrtime.bigint()) / 1e6));
      }
    };
    tick();
  });
}

/**
 * autocannon's `overallRate`, every latency kept: each of the connections sends its share of the
 * second back to back as soon as the second starts, then waits for the next one.
 */
async function burstLoad(url: string, token: string, rate: number, durationS: number): Promise<PhaseSamples> {
  const samples: PhaseSamples = { latencyMs: [], gatewayAddedMs: [], non2xx: 0, errors: 0, maxSendLagMs: 0 };
  const result = await new Promise<autocannon.Result>((resolvePromise, reject) => {
    const instance = autocannon(
      {
        url,
        headers: { authorization: `Bearer ${token}` },
        connections: FIXED_CONNECTIONS,
        duration: durationS,
        overallRate: rate,
        ignoreCoordinatedOmission: true,
      },
      (error: unknown, finished: autocannon.Result) => {
        if (error) reject(error instanceof Error ? error : new Error(String(error)));
        else resolvePromise(finished);
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) samples.latencyMs.push(responseTime);
      else samples.non2xx += 1;
    });
  });
  samples.errors = result.errors;
  return samples;
}

type Side = 'direct' | 'viaGateway';
type Shape = 'steady' | 'burst';

interface SideRound {
  readonly steady: PhaseSamples;
  readonly burst: PhaseSamples;
  readonly steadyServerCpuMsPerRequest: number | undefined;
}

/** One side of one round: warm-up (discarded), the steady phase, the burst phase. */
async function measureSideRound(
  url: string,
  token: string,
  serverPid: number | undefined,
): Promise<SideRound> {
  await steadyLoad(url, token, FIXED_RATE, ROUND_WARMUP_S);
  const cpuBefore = processCpuMs(serverPid);
  const steady = await steadyLoad(url, token, FIXED_RATE, STEADY_S);
  const cpuAfter = processCpuMs(serverPid);
  const burst = await burstLoad(url, token, FIXED_RATE, BURST_S);
  return {
    steady,
    burst,
    steadyServerCpuMsPerRequest:
      cpuBefore !== undefined && cpuAfter !== undefined && steady.latencyMs.length > 0
        ? round((cpuAfter - cpuBefore) / steady.latencyMs.length)
        : undefined,
  };
}

async function measureFixedRate(
  urls: Record<Side, string>,
  token: string,
  pids: Record<Side, number | undefined>,
): Promise<Record<string, unknown>> {
  const rounds: { order: Side[]; load1AtStart: number; sides: Record<Side, SideRound> }[] = [];
  for (let index = 0; index < ROUNDS; index += 1) {
    const order: Side[] = index % 2 === 0 ? ['direct', 'viaGateway'] : ['viaGateway', 'direct'];
    const load1AtStart = round(loadavg()[0] ?? NaN);
    const sides: Partial<Record<Side, SideRound>> = {};
    for (const side of order) sides[side] = await measureSideRound(urls[side], token, pids[side]);
    rounds.push({ order, load1AtStart, sides: sides as Record<Side, SideRound> });
  }
  const summarise = (shape: Shape): Record<string, unknown> => {
    const perRound = rounds.map((entry, index) => {
      const direct = percentiles(entry.sides.direct[shape].latencyMs);
      const viaGateway = percentiles(entry.sides.viaGateway[shape].latencyMs);
      const added = entry.sides.viaGateway[shape].gatewayAddedMs;
      return {
        round: index + 1,
        order: entry.order,
        load1AtStart: entry.load1AtStart,
        direct,
        viaGateway,
        overheadMs: {
          p50: round(viaGateway.p50Ms - direct.p50Ms),
          p99: round(viaGateway.p99Ms - direct.p99Ms),
        },
        ...(added.length > 0 ? { gatewayAddedMs: percentiles(added) } : {}),
        failures: {
          direct: entry.sides.direct[shape].non2xx + entry.sides.direct[shape].errors,
          viaGateway: entry.sides.viaGateway[shape].non2xx + entry.sides.viaGateway[shape].errors,
        },
        ...(shape === 'steady'
          ? {
              generatorMaxSendLagMs: Math.max(
                entry.sides.direct.steady.maxSendLagMs,
                entry.sides.viaGateway.steady.maxSendLagMs,
              ),
              serverCpuMsPerRequest: {
                direct: entry.sides.direct.steadyServerCpuMsPerRequest,
                viaGateway: entry.sides.viaGateway.steadyServerCpuMsPerRequest,
              },
            }
          : {}),
      };
    });
    const pooledDirect = percentiles(rounds.flatMap((entry) => entry.sides.direct[shape].latencyMs));
    const pooledGateway = percentiles(rounds.flatMap((entry) => entry.sides.viaGateway[shape].latencyMs));
    const pooledAdded = rounds.flatMap((entry) => entry.sides.viaGateway[shape].gatewayAddedMs);
    const p99Overheads = perRound.map((entry) => entry.overheadMs.p99);
    return {
      rounds: perRound,
      summary: {
        medianOfRoundOverheadsMs: {
          p50: median(perRound.map((entry) => entry.overheadMs.p50)),
          p99: median(p99Overheads),
        },
        roundsWithP99OverheadUnderTarget: `${p99Overheads.filter((value) => value < TARGET_P99_OVERHEAD_MS).length} of ${p99Overheads.length}`,
        pooled: {
          direct: pooledDirect,
          viaGateway: pooledGateway,
          overheadMs: {
            p50: round(pooledGateway.p50Ms - pooledDirect.p50Ms),
            p99: round(pooledGateway.p99Ms - pooledDirect.p99Ms),
          },
        },
        ...(pooledAdded.length > 0 ? { pooledGatewayAddedMs: percentiles(pooledAdded) } : {}),
      },
    };
  };
  return {
    offeredPerSec: FIXED_RATE,
    rounds: ROUNDS,
    secondsPerSideAndRound: { warmUp: ROUND_WARMUP_S, steady: STEADY_S, burst: BURST_S },
    howToRead:
      "Each round measures both sides back to back (direct = straight to the service, viaGateway = the same request through the gateway), order swapped every round, each side warmed up first. overheadMs = viaGateway percentile minus direct percentile (per round; median across rounds; and over all samples of all rounds pooled). gatewayAddedMs = per request, client latency minus the upstream time the gateway reported in Server-Timing: the gateway's own time plus the extra loopback hop, an extra figure beside the difference, not a replacement. steady = one request every 5 ms (open loop); burst = autocannon overallRate (each second starts with 200 requests at concurrency 10), latencies without autocannon's coordinated-omission fill-ins. Percentiles are nearest-rank over every answered request.",
    target: `gateway overhead at p99 < ${TARGET_P99_OVERHEAD_MS} ms`,
    steady: summarise('steady'),
    burst: summarise('burst'),
  };
}

async function main(): Promise<void> {
  // The shared machine's load changes during a run; both ends are reported next to the numbers.
  const loadAtStart = loadavg().map((value) => round(value));
  const startedAt = new Date().toISOString();
  const workDir = mkdtempSync(join(tmpdir(), 'lianxin-gateway-bench-'));
  // As root, embedded Postgres runs as the postgres user, which must be able to enter the directory.
  chmodSync(workDir, 0o755);
  const children: ChildProcess[] = [];
  const pg = await startEmbeddedPostgres({
    dataDir: join(workDir, 'pg'),
    port: await findFreePort(),
    persistent: false,
    fast: true,
  });
  try {
    const db = await provisionServiceDatabase(pg.adminUrl, { database: 'lianxin_gateway', short: 'gateway' });
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const serviceEnv = { DATABASE_URL: db.appUrl, DATABASE_MIGRATION_URL: db.ownerUrl };
    const migrate = spawnSync(
      process.execPath,
      ['-r', '@swc-node/register', 'services/gateway/src/database/migrate.ts', 'up'],
      {
        cwd: ROOT,
        env: { ...process.env, ...serviceEnv },
        encoding: 'utf8',
      },
    );
    if (migrate.status !== 0) throw new Error(`migrations failed: ${migrate.stdout}${migrate.stderr}`);

    const upstream = await startChild('services/gateway/bench/bench-upstream.ts', {
      AUTH_PUBLIC_KEY_PEM: publicKeyPem,
    });
    children.push(upstream.child);
    const gatewayPort = await findFreePort();
    // The gateway's request log goes to a file, as a container runtime would take it: a pipe read
    // by this (busy) process would fill up and stall the gateway's synchronous log writes.
    // BENCH_GATEWAY_LOG keeps the gateway's stdout (request log, `--trace-gc` output) at that path.
    const logFd = openSync(process.env['BENCH_GATEWAY_LOG'] ?? join(workDir, 'gateway.log'), 'w');
    const gatewayChild = spawn(
      process.execPath,
      [
        ...(process.env['BENCH_GATEWAY_NODE_ARGS'] ?? '').split(' ').filter(Boolean),
        '-r',
        '@swc-node/register',
        'services/gateway/bench/bench-gateway.ts',
      ],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          ...serviceEnv,
          NODE_ENV: 'production',
          PORT: String(gatewayPort),
          KAFKA_BROKERS: '127.0.0.1:9',
          AUTH_ISSUER: 'lianxin-dev',
          AUTH_AUDIENCE: 'lianxin',
          AUTH_PUBLIC_KEY_PEM: publicKeyPem,
          UPSTREAM_REGISTRY_URL: upstream.origin,
          LOG_LEVEL: 'info',
          // Server-Timing: upstream;dur=… on each answer, for the gateway-added figure.
          SERVER_TIMING: '1',
          // The bench drives one token far beyond a person's budget.
          RATE_LIMIT_PER_TOKEN: '100000000',
        },
        stdio: ['ignore', logFd, 'inherit'],
      },
    );
    closeSync(logFd);
    const gateway = { child: gatewayChild, origin: `http://127.0.0.1:${gatewayPort}` };
    await waitForHttp(`${gateway.origin}/health/live`, { child: gatewayChild });
    children.push(gateway.child);

    const token = await new SignJWT({
      name: 'bench',
      roles: ['district_admin'],
      scope: '/lx/taoyuan/',
      district_id: '0190a000-0000-7000-8000-000000000001',
    })
      .setProtectedHeader({ alg: 'RS256' })
      .setSubject('bench-district-admin')
      .setIssuer('lianxin-dev')
      .setAudience('lianxin')
      .setIssuedAt()
      .setExpirationTime('2h')
      .sign(await importPKCS8(privateKeyPem, 'RS256'));

    const direct = `${upstream.origin}${MEMBER_PATH}`;
    const through = `${gateway.origin}${MEMBER_PATH}`;
    const upstreamPid = upstream.child.pid;
    const gatewayPid = gatewayChild.pid;
    const fixedRate = await measureFixedRate({ direct, viaGateway: through }, token, {
      direct: upstreamPid,
      viaGateway: gatewayPid,
    });
    const saturationDirect = await measure(direct, token, {
      connections: SATURATION_CONNECTIONS,
      durationS: SATURATION_S,
      ...pidOption(upstreamPid),
    });
    const saturationGateway = await measure(through, token, {
      connections: SATURATION_CONNECTIONS,
      durationS: SATURATION_S,
      ...pidOption(gatewayPid),
    });

    // Context for the numbers: what this machine, right now, gives a bare Node HTTP server and a
    // bare Express app (the gateway runs on NestJS over Express) answering a constant JSON body.
    const baselines = await measureBaselines();

    const report = {
      benchmark: 'gateway authenticated GET',
      request: `GET ${MEMBER_PATH} (Bearer RS256)`,
      machine: { cores: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', node: process.version },
      note: 'upstream = stand-in registry process (token re-verified, matrix + scope checked); gateway logs every request at info',
      gatewayTelemetry: process.env['BENCH_GATEWAY_TELEMETRY'] === '1',
      startedAt,
      fixedRate,
      saturation: {
        connections: SATURATION_CONNECTIONS,
        durationSec: SATURATION_S,
        direct: saturationDirect,
        viaGateway: saturationGateway,
        target: '>= 2000 authenticated GET/s through the gateway',
      },
      baselinesAtSaturation: baselines,
      loadAverage: { atStart: loadAtStart, atEnd: loadavg().map((value) => round(value)) },
      finishedAt: new Date().toISOString(),
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    for (const child of children.reverse()) await stopChild(child).catch(() => undefined);
    await pg.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** A bare Node server and a bare Express app in a child process, measured like the gateway. */
async function measureBaselines(): Promise<{ rawNodeHttp: Measurement; bareExpress: Measurement }> {
  const script = `
    const http = require('node:http');
    const express = require('express');
    const raw = http.createServer((req, res) => { res.setHeader('content-type', 'application/json'); res.end('{"ok":true}'); });
    const app = express(); app.get('/', (req, res) => res.json({ ok: true }));
    raw.listen(0, '127.0.0.1', () => { const e = app.listen(0, '127.0.0.1', () => {
      process.stdout.write('READY ' + raw.address().port + ' ' + e.address().port + '\\n'); }); });`;
  const child = spawn(process.execPath, ['-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const ports = await new Promise<[string, string]>((resolvePromise, reject) => {
      if (!child.stdout) throw new Error('no stdout');
      createInterface({ input: child.stdout }).on('line', (line) => {
        const match = /^READY (\d+) (\d+)/.exec(line);
        if (match?.[1] && match[2]) resolvePromise([match[1], match[2]]);
      });
      child.once('exit', () => reject(new Error('baseline server exited')));
    });
    const options = {
      connections: SATURATION_CONNECTIONS,
      durationS: QUICK ? 3 : 8,
      ...(child.pid !== undefined ? { serverPid: child.pid } : {}),
    };
    return {
      rawNodeHttp: await measure(`http://127.0.0.1:${ports[0]}/`, '', options),
      bareExpress: await measure(`http://127.0.0.1:${ports[1]}/`, '', options),
    };
  } finally {
    await stopChild(child).catch(() => undefined);
  }
}

/** exactOptionalPropertyTypes: leave the key out rather than pass undefined. */
function pidOption(pid: number | undefined): { serverPid?: number } {
  return pid === undefined ? {} : { serverPid: pid };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
