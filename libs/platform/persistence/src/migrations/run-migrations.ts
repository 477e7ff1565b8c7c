import { type DataSource } from 'typeorm';

/** Applies pending migrations (each in its own transaction); returns the names applied. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
}

/** Reverts the most recent migration; returns false when there was none. */
export async function revertLastMigration(dataSource: DataSource): Promise<boolean> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  const before = await dataSource.query<{ count: string }[]>(
    `SELECT count(*) AS count FROM ${migrationsTable(dataSource)}`,
  );
  if (Number(before[0]?.count ?? 0) === 0) return false;
  await dataSource.undoLastMigration({ transaction: 'each' });
  return true;
}

function migrationsTable(dataSource: DataSource): string {
  return dataSource.driver.escape(dataSource.options.migrationsTableName ?? 'migrations');
}
