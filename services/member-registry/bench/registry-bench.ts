// Benchmark (not a test): import throughput, statistics latency on a 50,000-member district, and
// list/search latency, against a real embedded Postgres and the real HTTP app. Prints one JSON object.
import iconv from 'iconv-lite';
import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DevIssuer, type Actor } from '@lianxin/auth';
import { createHttpApp, InMemoryIdempotencyStore } from '@lianxin/platform-http';
import { createDataSource, inTransaction, runMigrations, SYSTEM_SCOPE } from '@lianxin/platform-persistence';
import { findFreePort, provisionServiceDatabase, startEmbeddedPostgres } from '@lianxin/platform-runtime';
import { createLogger } from '@lianxin/platform-telemetry';
import { randomBytes } from 'node:crypto';
import { REGISTRY_ENTITIES, REGISTRY_MIGRATIONS } from '../src/database/registry-schema';
import { RegistryAppModule } from '../src/registry-app.module';
import { PiiCipher } from '../src/shared/infrastructure/pii-cipher';
import { MEMBER_CSV_HEADER, memberCsvRow } from '../src/test-support/csv-fixtures';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const VILLAGES = 100;
const DISTRICTS = [
  { id: '0190a000-0000-7000-8000-000000000001', code: 'taoyuan' },
  { id: '0190a000-0000-7000-8000-000000000002', code: 'xishan' },
];
const CITY_ID = '0190a000-0000-7000-8000-000000000000';

const mb = (bytes: number): number => Math.round(bytes / 1048576);
const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * CPU time (user + system) of the embedded Postgres: the postmaster (first line of postmaster.pid)
 * and its children, from /proc. Linux only; 0 elsewhere. The app's pooled connections live through
 * the import, so the difference of two readings is the database's work for it.
 */
async function postgresCpuSeconds(pgDataDir: string): Promise<number> {
  try {
    const postmaster = Number((await readFile(join(pgDataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    let ticks = 0;
    for (const entry of await readdir('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
      // Fields after the command name (which is in parentheses and may contain spaces).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      if (pid === postmaster || Number(fields[1]) === postmaster)
        ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks / 100; // USER_HZ
  } catch {
    return 0;
  }
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 100) / 100;
}

async function timeIt(
  runs: number,
  work: (i: number) => Promise<void>,
): Promise<{ p50: number; p99: number; max: number }> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work(i);
    samples.push(performance.now() - started);
  }
  return {
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    max: Math.round(Math.max(...samples) * 100) / 100,
  };
}

function* csvChunks(): Generator<Buffer> {
  yield iconv.encode(`${MEMBER_CSV_HEADER}\r\n`, 'gb18030');
  let lines: string[] = [];
  for (let i = 0; i < ROWS; i += 1) {
    const district = DISTRICTS[i % 2].code;
    lines.push(
      memberCsvRow(
        i,
        `${district}/t1/v-${String((i >> 1) % VILLAGES).padStart(3, '0')}/b-01`,
        i % 2 === 0 ? '632123' : '130223',
      ),
    );
    if (lines.length === 1000) {
      yield iconv.encode(`${lines.join('\r\n')}\r\n`, 'gb18030');
      lines = [];
    }
  }
  if (lines.length > 0) yield iconv.encode(`${lines.join('\r\n')}\r\n`, 'gb18030');
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'registry-bench-'));
  // Postgres runs as its own user when we are root; it must be able to enter the directory.
  await chmod(dataDir, 0o755);
  const pg = await startEmbeddedPostgres({
    dataDir: join(dataDir, 'pg'),
    port: await findFreePort(),
    persistent: false,
  });
  try {
    const { ownerUrl, appUrl } = await provisionServiceDatabase(pg.adminUrl, {
      database: 'bench_registry',
      short: 'registry',
    });
    const owner = createDataSource({
      url: ownerUrl,
      name: 'bench-owner',
      migrations: REGISTRY_MIGRATIONS,
      poolSize: 1,
    });
    await owner.initialize();
    await runMigrations(owner);
    await owner.destroy();
    const dataSource = createDataSource({
      url: appUrl,
      name: 'bench-app',
      entities: REGISTRY_ENTITIES,
      poolSize: 10,
    });
    await dataSource.initialize();
    await inTransaction(dataSource, SYSTEM_SCOPE, async (tx) => {
      const q =
        'INSERT INTO org_units (id, parent_id, code, name, level, kind, district_id, org_path, depth, rural) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, true) RETURNING id';
      await tx.manager.query(
        "INSERT INTO org_units (id, code, name, level, kind, org_path, depth) VALUES ($1, 'lx', '连心市', 'city', 'city', '/lx/', 0)",
        [CITY_ID],
      );
      for (const d of DISTRICTS) {
        await tx.manager.query(
          "INSERT INTO org_units (id, parent_id, code, name, level, kind, district_id, org_path, depth) VALUES ($1, $2, $3, $3, 'district', 'district', $1, $4, 1)",
          [d.id, CITY_ID, d.code, `/lx/${d.code}/`],
        );
        const [t] = await tx.manager.query<{ id: string }[]>(q, [
          d.id,
          't1',
          '一乡',
          'township',
          'township',
          d.id,
          `/lx/${d.code}/t1/`,
          2,
        ]);
        for (let v = 0; v < VILLAGES; v += 1) {
          const code = `v-${String(v).padStart(3, '0')}`;
          const [village] = await tx.manager.query<{ id: string }[]>(q, [
            t.id,
            code,
            `${code}村`,
            'village',
            'village',
            d.id,
            `/lx/${d.code}/t1/${code}/`,
            3,
          ]);
          await tx.manager.query(q, [
            village.id,
            'b-01',
            '党支部',
            'branch',
            'branch',
            d.id,
            `/lx/${d.code}/t1/${code}/b-01/`,
            4,
          ]);
        }
      }
    });
    const issuer = await DevIssuer.create({ issuer: 'https://bench.local', audience: 'lianxin' });
    const app = await createHttpApp(
      RegistryAppModule.forRoot({
        dataSource,
        cipher: new PiiCipher(randomBytes(32)),
        settings: {
          objectionWindowDays: 5,
          memberCardBaseUrl: 'https://cards.bench/',
          today: () => '2026-06-30',
        },
        verifier: issuer.verifierOptions(),
      }),
      {
        serviceName: 'member-registry',
        idempotencyStore: new InMemoryIdempotencyStore(),
        logger: createLogger('bench', { level: 'silent' }),
      },
    );
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address() as { port: number };
    const base = `http://127.0.0.1:${address.port}`;
    const cityAdmin: Actor = {
      id: 'bench-city',
      name: '市管理员',
      roles: ['city_admin'],
      scope: '/lx/',
      districtId: null,
    };
    const districtAdmin: Actor = {
      id: 'bench-district',
      name: '区管理员',
      roles: ['district_admin'],
      scope: '/lx/taoyuan/',
      districtId: DISTRICTS[0].id,
    };
    const cityToken = `Bearer ${await issuer.signActor(cityAdmin, { expiresInSec: 3600 })}`;
    const districtToken = `Bearer ${await issuer.signActor(districtAdmin, { expiresInSec: 3600 })}`;

    // The file is produced before the clock starts so the client's encoding work does not compete
    // with the server for the event loop; the request still streams it chunk by chunk.
    const chunks = [...csvChunks()];
    const fileMb = Math.round(chunks.reduce((n, c) => n + c.length, 0) / 1048576);
    // The server runs in this process, so its memory is this process's memory; the file above was
    // allocated before the baseline. RSS is sampled every 50 ms. The live heap (JS heap plus
    // Buffers, after a forced collection, so garbage V8 has not collected yet does not count) is
    // sampled every 2.5 s: that is what a buffered file or an unbounded array of rows or events
    // would grow. The few forced collections cost the import well under 1% of its CPU.
    const gc = globalThis.gc;
    const liveHeap = (): number => {
      gc?.();
      const m = process.memoryUsage();
      return m.heapUsed + m.external;
    };
    const baseline = { rss: process.memoryUsage().rss, heap: liveHeap() };
    const peak = { ...baseline };
    // Peak reached in the first fifth of the import vs. over the whole import: flat memory means
    // the later rows add nothing.
    let earlyPeakHeap = baseline.heap;
    const earlyMs = 3000;
    const loadBefore = loadavg()[0];
    const cpuBefore = process.cpuUsage();
    const pgCpuBefore = await postgresCpuSeconds(join(dataDir, 'pg'));
    const importStarted = performance.now();
    const rssSampler = setInterval(() => (peak.rss = Math.max(peak.rss, process.memoryUsage().rss)), 50);
    const heapSampler = setInterval(() => {
      peak.heap = Math.max(peak.heap, liveHeap());
      if (performance.now() - importStarted < earlyMs) earlyPeakHeap = peak.heap;
    }, 2500);
    const response = await fetch(`${base}/api/v1/imports/members?unitId=${CITY_ID}`, {
      method: 'POST',
      headers: { authorization: cityToken, 'content-type': 'text/csv' },
      body: Readable.toWeb(Readable.from(chunks)) as ReadableStream,
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    const report = (await response.json()) as {
      rowsImported: number;
      rowsRejected: number;
      encoding: string;
    };
    const importMs = performance.now() - importStarted;
    const cpu = process.cpuUsage(cpuBefore);
    const pgCpu = (await postgresCpuSeconds(join(dataDir, 'pg'))) - pgCpuBefore;
    clearInterval(rssSampler);
    clearInterval(heapSampler);
    if (response.status !== 200)
      throw new Error(`import failed: ${response.status} ${JSON.stringify(report).slice(0, 500)}`);
    // As the owner: ANALYZE skips tables the app role does not own (autovacuum would get there
    // within a minute or so after an import of this size; the bench does not wait for it).
    const analyzer = createDataSource({ url: ownerUrl, name: 'bench-analyze', poolSize: 1 });
    await analyzer.initialize();
    await analyzer.query('ANALYZE');
    await analyzer.destroy();

    const get = async (path: string, token: string): Promise<void> => {
      const res = await fetch(`${base}${path}`, { headers: { authorization: token } });
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      await res.arrayBuffer();
    };
    if (process.env.BENCH_EXPLAIN) {
      // Plans of the list and search queries as the district admin sees them (RLS applies).
      for (const [label, sql, params] of [
        [
          'list',
          `SELECT id, name, mobile_cipher, resident_id_cipher FROM members WHERE org_path >= $1 AND org_path < $2 ORDER BY org_path, id LIMIT 50`,
          ['/lx/taoyuan/', '/lx/taoyuan0'],
        ],
        [
          'statistics',
          `SELECT branch_id, category, count(*)::int AS total, count(*) FILTER (WHERE rural)::int AS rural FROM members WHERE org_path >= $1 AND org_path < $2 AND status <> 'inactive' GROUP BY branch_id, category`,
          ['/lx/taoyuan/', '/lx/taoyuan0'],
        ],
        [
          'search',
          `SELECT id, name FROM members WHERE org_path >= $1 AND org_path < $2 AND name COLLATE "C" >= $3 AND name COLLATE "C" < $4 ORDER BY org_path, id LIMIT 20`,
          ['/lx/taoyuan/', '/lx/taoyuan0', '党员1234', '党员1235'],
        ],
      ] as const) {
        const plan = await inTransaction(dataSource, '/lx/taoyuan/', (tx) =>
          tx.manager.query<{ 'QUERY PLAN': string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, [...params]),
        );
        process.stderr.write(`${label}:\n${plan.map((r) => r['QUERY PLAN']).join('\n')}\n`);
      }
      // The statistics scan with and without parallel workers, alternating, in the same conditions.
      const statsSql = `SELECT branch_id, category, count(*)::int AS total, count(*) FILTER (WHERE gender = 'female')::int AS female,
          count(*) FILTER (WHERE ethnic_minority)::int AS minority, count(*) FILTER (WHERE birth_date > '1981-06-30'::date)::int AS under45,
          count(*) FILTER (WHERE education_level = ANY('{high_school,bachelor}'::text[]))::int AS hs, count(*) FILTER (WHERE rural)::int AS rural,
          count(*) FILTER (WHERE has_post)::int AS with_post
          FROM members WHERE org_path >= '/lx/taoyuan/' AND org_path < '/lx/taoyuan0' AND status <> 'inactive' GROUP BY branch_id, category`;
      const parallel: number[] = [];
      const serial: number[] = [];
      for (let i = 0; i < 20; i += 1)
        for (const [workers, samples] of [
          [2, parallel],
          [0, serial],
        ] as const) {
          const t0 = performance.now();
          await inTransaction(dataSource, '/lx/taoyuan/', async (tx) => {
            await tx.manager.query(`SET LOCAL max_parallel_workers_per_gather = ${workers}`);
            await tx.manager.query(statsSql);
          });
          samples.push(performance.now() - t0);
        }
      process.stderr.write(
        `statistics SQL p50: parallel ${percentile(parallel, 50)} ms, serial ${percentile(serial, 50)} ms\n`,
      );
      const started = performance.now();
      for (let i = 0; i < 20; i += 1) await get(`/api/v1/members?limit=50`, districtToken);
      process.stderr.write(`list over HTTP: ${(performance.now() - started) / 20} ms\n`);
    }
    const statistics = await timeIt(30, () =>
      get(`/api/v1/statistics/composition?unitId=${DISTRICTS[0].id}`, districtToken),
    );
    const list = await timeIt(200, () => get(`/api/v1/members?limit=50`, districtToken));
    const search = await timeIt(200, (i) =>
      get(`/api/v1/members?q=${encodeURIComponent(`党员${(i * 2) % ROWS}`)}&limit=20`, districtToken),
    );
    const [{ n: districtMembers }] = await inTransaction(dataSource, SYSTEM_SCOPE, (tx) =>
      tx.manager.query<{ n: number }[]>(
        "SELECT count(*)::int AS n FROM members WHERE org_path LIKE '/lx/taoyuan/%'",
      ),
    );
    const [{ n: outboxRows }] = await inTransaction(dataSource, SYSTEM_SCOPE, (tx) =>
      tx.manager.query<{ n: number }[]>('SELECT count(*)::int AS n FROM outbox'),
    );
    process.stdout.write(
      `${JSON.stringify(
        {
          benchmark: 'member-registry',
          import: {
            rows: ROWS,
            fileMb,
            encoding: report.encoding,
            imported: report.rowsImported,
            rejected: report.rowsRejected,
            seconds: Math.round(importMs) / 1000,
            rowsPerSecond: Math.round((ROWS / importMs) * 1000),
            outboxRows,
            cpuSeconds: Math.round((cpu.user + cpu.system) / 1000) / 1000,
            cpuMicrosPerRow: Math.round((cpu.user + cpu.system) / ROWS),
            postgresCpuSeconds: Math.round(pgCpu * 1000) / 1000,
            postgresCpuMicrosPerRow: Math.round((pgCpu * 1e6) / ROWS),
            memoryMb: {
              rssBaseline: mb(baseline.rss),
              rssPeakMinusBaseline: mb(peak.rss - baseline.rss),
              liveHeapMeasured: gc !== undefined,
              liveHeapBaseline: mb(baseline.heap),
              liveHeapPeakMinusBaseline: mb(peak.heap - baseline.heap),
              liveHeapPeakMinusBaselineFirst3s: mb(earlyPeakHeap - baseline.heap),
            },
            loadAverage1m: { before: round2(loadBefore), after: round2(loadavg()[0]) },
          },
          statisticsMs: { districtMembers, ...statistics },
          listMembersMs: list,
          searchByNameMs: search,
        },
        null,
        2,
      )}\n`,
    );
    await app.close();
    await dataSource.destroy();
  } finally {
    await pg.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
