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
