import { assertNoMigrationDrift, createDataSource } from '@lianxin/platform-persistence';
import { createTestDatabase, type TestDatabase } from '@lianxin/testing';
import { REGISTRY_ENTITIES, REGISTRY_MIGRATIONS } from './registry-schema';

describe('registry schema', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({
      short: 'registry',
      migrations: REGISTRY_MIGRATIONS,
      entities: REGISTRY_ENTITIES,
      createDataSource: (input) =>
        createDataSource({
          url: input.url,
          name: input.name,
          entities: REGISTRY_ENTITIES,
          migrations: input.migrations,
          poolSize: 2,
        }),
    });
  }, 120_000);

  afterAll(async () => {
    await db?.drop();
  });

  it('matches the entities exactly (no migration drift)', async () => {
    await expect(assertNoMigrationDrift(db.ownerDataSource)).resolves.toBeUndefined();
  });

  it('returns no rows through row-level security when no scope is set, even on a reused connection', async () => {
    await db.ownerDataSource.transaction(async (manager) => {
      await manager.query("SELECT set_config('lianxin.scope', '/', true)");
      await manager.query(
        `INSERT INTO org_units (id, code, name, level, kind, district_id, org_path, depth) VALUES ('0190a000-0000-7000-8000-0000000000ff', 'lx', '连心市', 'city', 'city', NULL, '/lx/', 0)`,
      );
    });
    const runner = db.dataSource.createQueryRunner();
    try {
      expect(await runner.query('SELECT count(*)::int AS n FROM org_units')).toEqual([{ n: 0 }]);
      await runner.startTransaction();
      await runner.query("SELECT set_config('lianxin.scope', '/lx/', true)");
      expect(await runner.query('SELECT count(*)::int AS n FROM org_units')).toEqual([{ n: 1 }]);
      await runner.commitTransaction();
      // After a transaction-local set_config the setting reads '' on this connection, not NULL.
      expect(await runner.query('SELECT count(*)::int AS n FROM org_units')).toEqual([{ n: 0 }]);
    } finally {
      await runner.release();
    }
  });

  it('reverts cleanly with down()', async () => {
    const other = await createTestDatabase({ short: 'registry', migrations: REGISTRY_MIGRATIONS });
    try {
      // 1764000002000 first: the households policy is the scope prefix alone again.
      await other.ownerDataSource.undoLastMigration();
      const policy = await other.ownerDataSource.query<{ qual: string }[]>(
        "SELECT qual FROM pg_policies WHERE tablename = 'households' AND policyname = 'households_scope'",
      );
      expect(policy[0]?.qual).not.toContain('registry_village_above');
      const functions = await other.ownerDataSource.query<{ n: number }[]>(
        "SELECT count(*)::int AS n FROM pg_proc WHERE proname = 'registry_village_above'",
      );
      expect(functions).toEqual([{ n: 0 }]);
      // 1764000001000 next: the (org_path) index and the selection columns come back as they were.
      await other.ownerDataSource.undoLastMigration();
      const restored = await other.ownerDataSource.query<{ indexname: string }[]>(
        "SELECT indexname FROM pg_indexes WHERE tablename = 'members' AND (indexname LIKE 'members_org_path%' OR indexname LIKE 'members_name%') ORDER BY 1",
      );
      expect(restored).toEqual([{ indexname: 'members_name_idx' }, { indexname: 'members_org_path_idx' }]);
      await other.ownerDataSource.undoLastMigration();
      const tables = await other.ownerDataSource.query<{ n: number }[]>(
        "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'members'",
      );
      expect(tables).toEqual([{ n: 0 }]);
    } finally {
      await other.drop();
    }
  }, 120_000);
});
