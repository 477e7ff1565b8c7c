// `npm run bench:gateway` — what the gateway costs on an authenticated GET, on this machine.
// Three processes: the stand-in registry service (verifies the token again, checks matrix and
// scope, answers JSON), the gateway (token verification, permission + scope check, rate limit,
// correlation id, forwarding over a keep-alive pool, request log at info level) and autocannon.
// The same request is measured straight to the service and through the gateway:
//   fixed — 200 requests/s offered (the target: gateway p99 overhead < 5 ms);
//   saturation — as many as 50 connections can push (the target: >= 2,000 GET/s).
// Prints one JSON document. A benchmark, not a test: it asserts nothing.
// BENCH_GATEWAY_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`) is passed to the gateway process;
// BENCH_GATEWAY_TELEMETRY=1 starts OpenTelemetry in it first, as main.ts does (one recording span
// per request, no exporter).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
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
const FIXED_S = QUICK ? 3 : 15;
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
  options: { connections: number; durationS: number; rate?: number; serverPid?: number },
): Promise<Measurement> {
  const headers = { authorization: `Bearer ${token}` };
  await autocannon({
    url,
    headers,
    connections: options.connections,
    duration: WARMUP_S,
    ...(options.rate ? { overallRate: options.rate } : {}),
  });
  const cpuBefore = processCpuMs(options.serverPid);
  const result = await autocannon({
    url,
    headers,
    connections: options.connections,
    duration: options.durationS,
    ...(options.rate ? { overallRate: options.rate } : {}),
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

async function main(): Promise<void> {
  // The shared machine's load changes during a run; both ends are reported next to the numbers.
  const loadAtStart = loadavg().map((value) => round(value));
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
    const logFd = openSync(join(workDir, 'gateway.log'), 'w');
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
    const fixedDirect = await measure(direct, token, {
      connections: 10,
      durationS: FIXED_S,
      rate: FIXED_RATE,
      ...pidOption(upstreamPid),
    });
    const fixedGateway = await measure(through, token, {
      connections: 10,
      durationS: FIXED_S,
      rate: FIXED_RATE,
      ...pidOption(gatewayPid),
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
      fixedRate: {
        offeredPerSec: FIXED_RATE,
        durationSec: FIXED_S,
        direct: fixedDirect,
        viaGateway: fixedGateway,
        overheadMs: {
          p50: round(fixedGateway.p50Ms - fixedDirect.p50Ms),
          p99: round(fixedGateway.p99Ms - fixedDirect.p99Ms),
        },
        target: 'gateway overhead at p99 < 5 ms',
      },
      saturation: {
        connections: SATURATION_CONNECTIONS,
        durationSec: SATURATION_S,
        direct: saturationDirect,
        viaGateway: saturationGateway,
        target: '>= 2000 authenticated GET/s through the gateway',
      },
      baselinesAtSaturation: baselines,
      loadAverage: { atStart: loadAtStart, atEnd: loadavg().map((value) => round(value)) },
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
