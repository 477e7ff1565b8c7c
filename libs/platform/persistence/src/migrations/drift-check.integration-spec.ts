import { createTestDatabase, type TestDatabase } from '@lianxin/testing';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { createDataSource } from '../data-source/create-data-source';
import { testMigrations } from '../test-support/test-projection';
import { assertNoMigrationDrift, MigrationDriftError } from './drift-check';
import { revertLastMigration, runMigrations } from './run-migrations';

jest.setTimeout(60_000);

@Entity({ name: 'test_projection' })
class MatchingProjection {
  @PrimaryColumn('uuid', { name: 'event_id' }) eventId!: string;
  @Column('uuid', { name: 'aggregate_id' }) aggregateId!: string;
  @Column('integer') sequence!: number;
  @Column('integer', { name: 'applied_count', default: 1 }) appliedCount!: number;
  @Column('timestamptz', { name: 'projected_at', default: () => 'clock_timestamp()' }) projectedAt!: Date;
}

@Entity({ name: 'test_projection' })
class DriftedProjection extends MatchingProjection {
  @Column('text', { nullable: true }) note!: string | null;
}

describe('migrations and the drift check', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({
      short: 'drift',
      migrations: testMigrations,
      createDataSource: (input) => createDataSource({ ...input, poolSize: 2 }),
    });
  });
  afterAll(() => db.drop());

  async function withEntities(
    entity: typeof MatchingProjection,
    check: (dataSource: ReturnType<typeof createDataSource>) => Promise<void>,
  ): Promise<void> {
    const dataSource = createDataSource({
      url: db.appUrl,
      name: 'drift-check',
      entities: [entity],
      poolSize: 1,
    });
    await dataSource.initialize();
    try {
      await check(dataSource);
    } finally {
      await dataSource.destroy();
    }
  }

  it('passes when the entities match the migrated schema', async () => {
    await withEntities(MatchingProjection, (dataSource) => assertNoMigrationDrift(dataSource));
  });

  it('names the SQL a missing migration would need', async () => {
    await withEntities(DriftedProjection, async (dataSource) => {
      const check = assertNoMigrationDrift(dataSource);
      await expect(check).rejects.toThrow(MigrationDriftError);
      await expect(check).rejects.toThrow(/ALTER TABLE "test_projection" ADD "note" text/);
    });
  });

  it('reverts and re-applies the outbox/inbox migrations cleanly (down works)', async () => {
    const owner = createDataSource({
      url: db.ownerUrl,
      name: 'drift-owner',
      migrations: testMigrations,
      poolSize: 1,
    });
    await owner.initialize();
    try {
      let reverted = 0;
      while (await revertLastMigration(owner)) reverted += 1;
      expect(reverted).toBe(testMigrations.length);
      const tables = (await owner.query(
        "SELECT count(*)::int AS n FROM pg_tables WHERE tablename IN ('outbox', 'inbox', 'test_projection')",
      )) as { n: number }[];
      expect(tables[0]?.n).toBe(0);
      expect(await runMigrations(owner)).toEqual([
        'CreateOutboxAndInbox1735689600000',
        'CreateTestProjection1735689600001',
        'OutboxNotifyWhenIdle1735689600100',
        'OutboxWakeCheckOnce1735689600200',
      ]);
    } finally {
      await owner.destroy();
    }
  });
});
