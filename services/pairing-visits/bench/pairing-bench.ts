// Benchmark (not a test): visit writes per second through the running service (HTTP → use case →
// Postgres + outbox → relay → dev broker), and quota-progress latency for a district of 20,000
// cadres with 200,000 visits. Real embedded Postgres, real dev broker, the service's real main.ts
// in its own process; autocannon drives it from this one. Prints one JSON object.
import { DevIssuer, type Actor } from '@lianxin/auth';
import { createDataSource, inTransaction, runMigrations, SYSTEM_SCOPE } from '@lianxin/platform-persistence';
import {
  findFreePort,
  provisionServiceDatabase,
  spawnLogged,
  startBrokerProcess,
  startEmbeddedPostgres,
  stopChild,
  waitForHttp,
} from '@lianxin/platform-runtime';
import autocannon from 'autocannon';
import { cpus } from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PAIRING_ENTITIES } from '../src/database/entities';
import { PAIRING_MIGRATIONS } from '../src/database/migrations';

const CADRES = Number(process.env.BENCH_CADRES ?? 20_000);
const VISITS = Number(process.env.BENCH_VISITS ?? 200_000);
const WRITE_SECONDS = Number(process.env.BENCH_WRITE_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const DISTRICT_ID = '0190b000-0000-7000-8000-000000000001';
const DISTRICT_PATH = '/lx/bench/';
const TOWNSHIPS = 20;
const VILLAGES_PER_TOWNSHIP = 20;
const YEAR = 2026;
const AS_OF = '2026-11-22';
const root = join(__dirname, '..', '..', '..');

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return (
    Math.round((sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0) * 10) / 10
  );
}

async function timeGet(
  url: string,
  token: string,
  runs: number,
): Promise<{ p50: number; p95: number; max: number; bytes: number }> {
  const samples: number[] = [];
  let bytes = 0;
  for (let index = 0; index < runs + 2; index += 1) {
    const started = performance.now();
    const response = await fetch(url, { headers: { authorization: token } });
    const body = await response.text();
    if (!response.ok) throw new Error(`${url} → ${response.status} ${body.slice(0, 200)}`);
    if (index >= 2) samples.push(performance.now() - started);
    bytes = body.length;
  }
  return {
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    max: Math.round(Math.max(...samples) * 10) / 10,
    bytes,
  };
}

/** CPU time (user + system, ms) of a process, from /proc (Linux; 100 ticks a second). 0 elsewhere. */
function cpuMsOf(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** CPU time of the bench's Postgres: the postmaster and every backend it forked. */
function postgresCpuMs(dataDir: string): number {
  let postmaster: number;
  try {
    postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return 0;
  }
  let total = cpuMsOf(postmaster);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const parent = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
      if (parent === postmaster) total += cpuMsOf(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

const load = (): number[] => loadavg().map((value) => Math.round(value * 100) / 100);

/** A district of 20 townships × 20 villages, 20,000 cadres of every rank, 40,000 households paired two per cadre, 200,000 visits, a year of days and matters. */
export const SEED_SQL_FOR_EXPLAIN: string[] = [];
const SEED_SQL = [
  `INSERT INTO org_units (id, district_id, org_path, parent_id, code, level, unit_name, active, updated_at)
   VALUES ('${DISTRICT_ID}', '${DISTRICT_ID}', '${DISTRICT_PATH}', NULL, 'bench', 'district', 'bench', true, now())`,
  `INSERT INTO org_units (id, district_id, org_path, parent_id, code, level, unit_name, active, updated_at)
   SELECT gen_random_uuid(), '${DISTRICT_ID}', '${DISTRICT_PATH}t' || t || '/', '${DISTRICT_ID}', 't' || t, 'township', 't' || t, true, now()
     FROM generate_series(1, ${TOWNSHIPS}) t`,
  `INSERT INTO org_units (id, district_id, org_path, parent_id, code, level, unit_name, active, updated_at)
   SELECT gen_random_uuid(), '${DISTRICT_ID}', '${DISTRICT_PATH}t' || t || '/v' || v || '/', NULL, 'v' || v, 'village', 'v' || v, true, now()
     FROM generate_series(1, ${TOWNSHIPS}) t, generate_series(1, ${VILLAGES_PER_TOWNSHIP}) v`,
  `INSERT INTO members (id, district_id, org_path, branch_unit_id, category, cadre_rank, has_post, status, updated_at)
   SELECT gen_random_uuid(), '${DISTRICT_ID}',
          '${DISTRICT_PATH}t' || (1 + g % ${TOWNSHIPS}) || '/v' || (1 + (g / ${TOWNSHIPS}) % ${VILLAGES_PER_TOWNSHIP}) || '/b/',
          '${DISTRICT_ID}', 'cadre',
          (ARRAY['county_leader','section_chief_or_above','township_cadre','other_cadre','department_head','township_cadre','other_cadre','other_cadre'])[1 + g % 8],
          true, 'active', now()
     FROM generate_series(0, ${CADRES - 1}) g`,
  `INSERT INTO households (id, district_id, org_path, village_unit_id, hardship_status, is_migrant_member_household, active, updated_at)
   SELECT gen_random_uuid(), '${DISTRICT_ID}',
          '${DISTRICT_PATH}t' || (1 + g % ${TOWNSHIPS}) || '/v' || (1 + (g / ${TOWNSHIPS}) % ${VILLAGES_PER_TOWNSHIP}) || '/',
          '${DISTRICT_ID}', (ARRAY['poor','low_income','extreme_hardship','none'])[1 + g % 4], g % 10 = 0, true, now()
     FROM generate_series(0, ${CADRES * 2 - 1}) g`,
  `CREATE TEMP TABLE bench_cadres AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id, org_path FROM members`,
  `CREATE TEMP TABLE bench_households AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id, org_path FROM households`,
  // Every household paired with a cadre (two each), so a logged visit finds its pairing as in use.
  `INSERT INTO pairings (id, district_id, org_path, household_id, cadre_id, cadre_org_path, cadre_rank, selection, status,
                         started_on, created_by, created_at, updated_at)
   SELECT gen_random_uuid(), '${DISTRICT_ID}', h.org_path, h.id, c.id, c.org_path, m.cadre_rank, 'assigned', 'active',
          DATE '${YEAR}-01-01', 'bench', now(), now()
     FROM bench_households h JOIN bench_cadres c ON c.n = h.n / 2 JOIN members m ON m.id = c.id`,
  `INSERT INTO visits (id, district_id, org_path, household_id, cadre_id, cadre_org_path, pairing_id, visit_date, visit_year, kind, heard,
                       problems_raised, matters_done, confirmation, flagged, recorded_by, recorded_at, updated_at)
   SELECT gen_random_uuid(), '${DISTRICT_ID}', h.org_path, h.id, c.id, c.org_path, NULL,
          DATE '${YEAR}-01-01' + (g * 7919 % 320), ${YEAR}, 'home', '走访记录', 0, 0,
          CASE WHEN g % 50 = 0 THEN 'not_confirmed' ELSE 'unchecked' END, g % 50 = 0, 'bench', now(), now()
     FROM generate_series(0, ${VISITS - 1}) g
     JOIN bench_cadres c ON c.n = g % ${CADRES}
     JOIN bench_households h ON h.n = (g * 31) % ${CADRES * 2}`,
  `INSERT INTO grassroots_days (id, district_id, org_path, cadre_id, served_on, served_year, place_unit_id, place, activity, activity_code,
                                stayed_overnight, recorded_by, recorded_at)
   SELECT gen_random_uuid(), '${DISTRICT_ID}', c.org_path, c.id, DATE '${YEAR}-01-01' + d * 3, ${YEAR}, NULL, '村', '驻村', NULL, false, 'bench', now()
     FROM bench_cadres c, generate_series(0, 9) d`,
  `INSERT INTO practical_matters (id, district_id, org_path, household_id, member_id, member_org_path, member_unit_id, category, summary,
                                  evidence, done_on, done_year, visit_id, ticket_id, recorded_by, recorded_at)
   SELECT gen_random_uuid(), '${DISTRICT_ID}', c.org_path, NULL, c.id, c.org_path, '${DISTRICT_ID}', 'paperwork', '办实事', '[]'::jsonb,
          DATE '${YEAR}-03-01' + (c.n % 200)::int, ${YEAR}, NULL, NULL, 'bench', now()
     FROM bench_cadres c WHERE c.n % 2 = 0`,
  `ANALYZE`,
];

SEED_SQL_FOR_EXPLAIN.push(...SEED_SQL);

/** Counts the bench's visits in the database and waits (up to 30 s) for the relay to publish them all. */
async function checkWritesLanded(
  ownerUrl: string,
): Promise<{ visits: number; unpublished: number; caughtUpMs: number | null }> {
  const owner = createDataSource({
    url: ownerUrl,
    name: 'pairing-bench-check',
    entities: PAIRING_ENTITIES,
    poolSize: 1,
  });
  await owner.initialize();
  try {
    const count = async (sql: string): Promise<number> =>
      ((await inTransaction(owner, SYSTEM_SCOPE, (tx) => tx.manager.query(sql))) as { n: number }[])[0]?.n ??
      -1;
    const visits = await count(`SELECT count(*)::int AS n FROM visits WHERE recorded_by = 'bench-writer'`);
    const started = performance.now();
    let unpublished = await count('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
    while (unpublished > 0 && performance.now() - started < 30_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      unpublished = await count('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
    }
    return {
      visits,
      unpublished,
      caughtUpMs: unpublished === 0 ? Math.round(performance.now() - started) : null,
    };
  } finally {
    await owner.destroy();
  }
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'pairing-bench-'));
  // As root, Postgres runs as the postgres user, which must be able to enter the directory.
  await chmod(dir, 0o755);
  const quiet = (): void => undefined;
  const pg = await startEmbeddedPostgres({
    dataDir: join(dir, 'pg'),
    port: await findFreePort(),
    persistent: false,
  });
  let broker: Awaited<ReturnType<typeof startBrokerProcess>> | undefined;
  let child: ReturnType<typeof spawnLogged> | undefined;
  try {
    const { appUrl, ownerUrl } = await provisionServiceDatabase(pg.adminUrl, {
      database: 'lianxin_pairing',
      short: 'pairing',
    });
    const owner = createDataSource({
      url: ownerUrl,
      name: 'pairing-bench-owner',
      entities: PAIRING_ENTITIES,
      migrations: [...PAIRING_MIGRATIONS],
      poolSize: 2,
    });
    await owner.initialize();
    await runMigrations(owner);
    const seedStarted = performance.now();
    await inTransaction(owner, SYSTEM_SCOPE, async (tx) => {
      for (const statement of SEED_SQL) await tx.manager.query(statement);
    });
    const seedMs = Math.round(performance.now() - seedStarted);
    const sample = (await inTransaction(owner, SYSTEM_SCOPE, (tx) =>
      tx.manager.query(
        `SELECT cadre_id AS cadre, household_id AS household FROM pairings ORDER BY household_id LIMIT 2000`,
      ),
    )) as { cadre: string; household: string }[];
    const firstCadre = sample[0]?.cadre ?? '';
    await owner.destroy();

    broker = await startBrokerProcess({
      workspaceRoot: root,
      dataDir: join(dir, 'kafka'),
      port: 0,
      env: process.env,
      log: quiet,
    });
    const issuer = await DevIssuer.create({ issuer: 'pairing-bench', audience: 'lianxin' });
    const port = await findFreePort();
    child = spawnLogged({
      name: 'pairing-visits',
      command: process.execPath,
      // BENCH_PROFILE=<dir> writes a CPU profile of the service process there (for finding hot spots).
      args: [
        ...(process.env['BENCH_PROFILE']
          ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_PROFILE']}`]
          : []),
        '-r',
        '@swc-node/register',
        join(root, 'services/pairing-visits/src/main.ts'),
      ],
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        DATABASE_URL: appUrl,
        DATABASE_MIGRATION_URL: ownerUrl,
        DATABASE_POOL_SIZE: '20',
        KAFKA_BROKERS: broker.brokers,
        AUTH_ISSUER: 'pairing-bench',
        AUTH_AUDIENCE: 'lianxin',
        AUTH_PUBLIC_KEY_PEM: issuer.publicKeyPem,
        LOG_LEVEL: 'warn',
      },
      log: (line) => {
        if (/error|fail/i.test(line)) process.stderr.write(`${line}\n`);
      },
    });
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/health/ready`, { child, timeoutMs: 120_000 });

    const admin: Actor = {
      id: 'bench-admin',
      name: 'bench',
      roles: ['district_admin'],
      scope: DISTRICT_PATH,
      districtId: DISTRICT_ID,
    };
    const writer: Actor = {
      id: 'bench-writer',
      name: 'bench',
      roles: ['township_admin'],
      scope: DISTRICT_PATH,
      districtId: DISTRICT_ID,
    };
    const adminToken = `Bearer ${await issuer.signActor(admin, { expiresInSec: 3600 })}`;
    const writerToken = `Bearer ${await issuer.signActor(writer, { expiresInSec: 3600 })}`;

    const loadAtProgress = load();
    const progress = {
      earlyWarnings: await timeGet(
        `${url}/api/v1/quota-progress/early-warnings?year=${YEAR}&asOf=${AS_OF}&limit=50`,
        adminToken,
        10,
      ),
      unitRollup: await timeGet(
        `${url}/api/v1/quota-progress/units?year=${YEAR}&asOf=${AS_OF}`,
        adminToken,
        10,
      ),
      oneCadre: await timeGet(
        `${url}/api/v1/quota-progress/cadres/${firstCadre}?year=${YEAR}&asOf=${AS_OF}`,
        adminToken,
        20,
      ),
    };

    let counter = 0;
    const loadBefore = load();
    const serviceCpuBefore = cpuMsOf(child.pid);
    const postgresCpuBefore = postgresCpuMs(join(dir, 'pg'));
    const result = await autocannon({
      url,
      connections: CONNECTIONS,
      duration: WRITE_SECONDS,
      headers: { authorization: writerToken, 'content-type': 'application/json' },
      requests: [
        {
          method: 'POST',
          path: '/api/v1/visits',
          setupRequest: (request) => {
            counter += 1;
            const pair = sample[counter % sample.length] ?? { cadre: firstCadre, household: '' };
            return {
              ...request,
              body: JSON.stringify({
                householdId: pair.household,
                cadreId: pair.cadre,
                visitDate: AS_OF,
                kind: 'home',
                heard: '走访，了解近况',
              }),
            };
          },
        },
      ],
    });
    const created = result['2xx'];
    const serviceCpuMs = cpuMsOf(child.pid) - serviceCpuBefore;
    const postgresCpu = postgresCpuMs(join(dir, 'pg')) - postgresCpuBefore;
    const loadAfter = load();
    const durability = await checkWritesLanded(ownerUrl);
    process.stdout.write(
      `${JSON.stringify(
        {
          benchmark: 'pairing-visits',
          machine: { cpus: cpus().length, node: process.version },
          dataset: { cadres: CADRES, visits: VISITS, households: CADRES * 2, seedMs },
          visitWrites: {
            path: 'POST /api/v1/visits (diary write lane → batched pairing_log_visits: visit, tally and outbox row per entry under its RLS scope; relay → dev broker)',
            connections: CONNECTIONS,
            durationSec: WRITE_SECONDS,
            created,
            non2xx: result.non2xx,
            errors: result.errors,
            perSecond: Math.round(created / WRITE_SECONDS),
            latencyMs: { p50: result.latency.p50, p99: result.latency.p99 },
            // Every 201 is a visit in the database, and every visit's event left through the relay.
            visitsInDatabase: durability.visits,
            eventsStillInOutbox: durability.unpublished,
            relayCaughtUpMs: durability.caughtUpMs,
            // CPU per created visit: less sensitive to other jobs on the machine than the rate.
            cpuMsPerWrite: {
              service: Math.round((serviceCpuMs / Math.max(created, 1)) * 100) / 100,
              postgres: Math.round((postgresCpu / Math.max(created, 1)) * 100) / 100,
            },
            loadAverage: { before: loadBefore, after: loadAfter },
            targetPerSecond: 1000,
          },
          quotaProgressLatencyMs: { ...progress, targetMs: 300, loadAverageBefore: loadAtProgress },
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    if (child) await stopChild(child, 10_000);
    await broker?.stop();
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

if (require.main === module)
  main().catch((error: unknown) => {
    process.stderr.write(
      `pairing bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
