import { type DataSource } from 'typeorm';

export class MigrationDriftError extends Error {
  constructor(readonly queries: readonly string[]) {
    super(
      `The entities and the migrated schema differ; write a migration for:\n${queries.map((query) => `  ${query};`).join('\n')}`,
    );
    this.name = 'MigrationDriftError';
  }
}

/**
 * Run on a freshly migrated database: asks TypeORM what `synchronize` would change for the
 * registered entities. Anything at all means a migration is missing or an entity is wrong.
 */
export async function assertNoMigrationDrift(dataSource: DataSource): Promise<void> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  const pending = await dataSource.driver.createSchemaBuilder().log();
  const queries = pending.upQueries.map((query) => query.query.trim());
  if (queries.length > 0) throw new MigrationDriftError(queries);
}
