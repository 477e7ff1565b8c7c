import { assertNoMigrationDrift, createDataSource, inTransaction } from '@lianxin/platform-persistence';
import { createTestDatabase, type TestDatabase } from '@lianxin/testing';
import { v7 as uuidv7 } from 'uuid';
import { PAIRING_ENTITIES } from './entities';
import { PAIRING_MIGRATIONS } from './migrations';

describe('pairing-visits schema', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({
      short: 'pairing',
      migrations: [...PAIRING_MIGRATIONS],
      entities: PAIRING_ENTITIES,
      createDataSource: ({ url, name, migrations }) =>
        createDataSource({ url, name, entities: PAIRING_ENTITIES, migrations, poolSize: 3 }),
    });
  }, 120_000);
  afterAll(async () => {
    await db?.drop();
  });

  it('matches the entities exactly after migrating (no drift)', async () => {
    await expect(assertNoMigrationDrift(db.ownerDataSource)).resolves.toBeUndefined();
  });

  it('returns no tenant rows when no scope is set, and only in-scope rows when one is', async () => {
    const insert = (path: string) =>
      inTransaction(db.dataSource, path, (tx) =>
        tx.manager.query(
          `INSERT INTO households (id, district_id, org_path, village_unit_id, hardship_status, is_migrant_member_household, active, updated_at)
           VALUES ($1, $2, $3, $2, 'poor', false, true, now())`,
          [uuidv7(), uuidv7(), path],
        ),
      );
    await insert('/lx/taoyuan/dahe/v-a/');
    await insert('/lx/xishan/zhenzi/v-b/');
    const unscoped = (await db.dataSource.query('SELECT count(*)::int AS n FROM households')) as {
      n: number;
    }[];
    expect(unscoped[0]?.n).toBe(0);
    const scoped = await inTransaction(
      db.dataSource,
      '/lx/taoyuan/',
      (tx) => tx.manager.query('SELECT org_path FROM households') as Promise<{ org_path: string }[]>,
    );
    expect(scoped.map((row) => row.org_path)).toEqual(['/lx/taoyuan/dahe/v-a/']);
  });

  it('refuses to write a row outside the transaction scope', async () => {
    await expect(
      inTransaction(db.dataSource, '/lx/taoyuan/', (tx) =>
        tx.manager.query(
          `INSERT INTO households (id, district_id, org_path, village_unit_id, hardship_status, is_migrant_member_household, active, updated_at)
           VALUES ($1, $1, '/lx/xishan/x/', $1, 'poor', false, true, now())`,
          [uuidv7()],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('lets a scope below a village reach rows placed on that village, not a sibling branch, another village or beyond', async () => {
    const district = uuidv7();
    const unit = (path: string, level: string) =>
      inTransaction(db.dataSource, '/', (tx) =>
        tx.manager.query(
          `INSERT INTO org_units (id, district_id, org_path, parent_id, code, level, unit_name, active, updated_at)
           VALUES ($1, $2, $3, NULL, 'x', $4, 'x', true, now())`,
          [uuidv7(), district, path, level],
        ),
      );
    await unit('/lx/reach/', 'district');
    await unit('/lx/reach/t/', 'township');
    await unit('/lx/reach/t/v-a/', 'village');
    await unit('/lx/reach/t/v-a/b-1/', 'branch');
    await unit('/lx/reach/t/v-a/b-2/', 'branch');
    await unit('/lx/reach/t/v-b/', 'village');
    await unit('/lx/reach/t/b-office/', 'branch');
    const household = (path: string) =>
      inTransaction(db.dataSource, '/', (tx) =>
        tx.manager.query(
          `INSERT INTO households (id, district_id, org_path, village_unit_id, hardship_status, is_migrant_member_household, active, updated_at)
           VALUES ($1, $2, $3, $2, 'poor', false, true, now())`,
          [uuidv7(), district, path],
        ),
      );
    await household('/lx/reach/t/v-a/');
    await household('/lx/reach/t/v-b/');
    await inTransaction(db.dataSource, '/', (tx) =>
      tx.manager.query(
        `INSERT INTO members (id, district_id, org_path, branch_unit_id, category, cadre_rank, has_post, status, updated_at)
         VALUES ($1, $2, '/lx/reach/t/v-a/b-2/', $2, 'cadre', 'other_cadre', true, 'active', now())`,
        [uuidv7(), district],
      ),
    );
    const visible = (scope: string, table: string) =>
      inTransaction(db.dataSource, scope, async (tx) =>
        (
          (await tx.manager.query(
            `SELECT org_path FROM ${table} WHERE org_path LIKE '/lx/reach/%' ORDER BY org_path`,
          )) as {
            org_path: string;
          }[]
        ).map((row) => row.org_path),
      );
    // The secretary of branch 1 of village A: A's households, not B's; not branch 2's members.
    expect(await visible('/lx/reach/t/v-a/b-1/', 'households')).toEqual(['/lx/reach/t/v-a/']);
    expect(await visible('/lx/reach/t/v-a/b-1/', 'members')).toEqual([]);
    expect(await visible('/lx/reach/t/v-a/b-1/', 'org_units')).toEqual([
      '/lx/reach/t/v-a/',
      '/lx/reach/t/v-a/b-1/',
    ]);
    // A township-level office branch and an unset scope reach nothing extra.
    expect(await visible('/lx/reach/t/b-office/', 'households')).toEqual([]);
    expect(await visible('/lx/reach/t/', 'households')).toEqual(['/lx/reach/t/v-a/', '/lx/reach/t/v-b/']);
    // Writes: onto the own village, yes; onto another village, refused by RLS.
    const write = (path: string) =>
      inTransaction(db.dataSource, '/lx/reach/t/v-a/b-1/', (tx) =>
        tx.manager.query(
          `INSERT INTO households (id, district_id, org_path, village_unit_id, hardship_status, is_migrant_member_household, active, updated_at)
           VALUES ($1, $2, $3, $2, 'poor', false, true, now())`,
          [uuidv7(), district, path],
        ),
      );
    await expect(write('/lx/reach/t/v-a/')).resolves.toBeDefined();
    await expect(write('/lx/reach/t/v-b/')).rejects.toThrow(/row-level security/);
  });

  it('looks up the village above a scope only for rows outside the scope', async () => {
    // Migration 1763800006000: with the village arm tested first, every diary entry paid for the
    // lookup. The policy now tests the scope prefix first; its InitPlan alone runs for in-scope rows.
    const id = uuidv7();
    await inTransaction(db.dataSource, '/lx/plan/', (tx) =>
      tx.manager.query(
        `INSERT INTO households (id, district_id, org_path, village_unit_id, hardship_status, is_migrant_member_household, active, updated_at)
         VALUES ($1, $1, '/lx/plan/t/v/', $1, 'poor', false, true, now())`,
        [id],
      ),
    );
    const plan = await inTransaction(db.dataSource, '/lx/plan/', async (tx) =>
      (
        (await tx.manager.query(
          `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT org_path FROM households WHERE id = $1`,
          [id],
        )) as { 'QUERY PLAN': string }[]
      )
        .map((row) => row['QUERY PLAN'])
        .join('\n'),
    );
    expect(plan).toMatch(/Filter: \(\(org_path ~~ .*\) OR \(org_path = \(InitPlan \d\)/);
    const initPlans = [...plan.matchAll(/InitPlan \d\n\s+->\s+Result \((.*)\)/g)].map((match) => match[1]);
    expect({ plan, initPlans }).toMatchObject({ initPlans: ['actual rows=1 loops=1', 'never executed'] });
  });

  it('reverts every migration cleanly (working down)', async () => {
    for (let step = 0; step < PAIRING_MIGRATIONS.length; step += 1)
      await db.ownerDataSource.undoLastMigration();
    const tables = (await db.ownerDataSource.query(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    )) as { n: number }[];
    expect(tables[0]?.n).toBe(0);
    await db.ownerDataSource.runMigrations();
  });
});
