import { DataSource, type DataSourceOptions } from 'typeorm';
import { coalescingSocket } from './coalescing-socket';

export interface CreateDataSourceOptions {
  url: string;
  entities?: DataSourceOptions['entities'];
  migrations?: DataSourceOptions['migrations'];
  /** `application_name` on every connection, so pg_stat_activity says who holds a lock. */
  name: string;
  /** Connections in the pool. Default 10. */
  poolSize?: number;
  /** Log SQL (debugging only). */
  logging?: boolean;
}

/**
 * The one way services build a DataSource. `synchronize` is off and cannot be turned on: the
 * schema changes only through migrations (drift is caught by assertNoMigrationDrift).
 */
export function createDataSource(options: CreateDataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities ?? [],
    migrations: options.migrations ?? [],
    synchronize: false,
    migrationsRun: false,
    // Each migration in its own transaction: a failure leaves the earlier ones applied and recorded.
    migrationsTransactionMode: 'each',
    applicationName: options.name,
    poolSize: options.poolSize ?? 10,
    logging: options.logging ?? false,
    // A dead database should fail a request, not hang it.
    connectTimeoutMS: 10_000,
    // pg's client config: each connection's socket sends a query's messages in one write.
    extra: { stream: coalescingSocket },
  });
}
