// Gives one suite its own database on the run's shared Postgres, provisioned exactly like a
// service's (owner + app roles, ADR 0002) and migrated with the service's real migrations as the
// owner. The suite then works through `dataSource`, connected as the app role: no superuser, no
// BYPASSRLS, so row-level security applies as in production.
import { Client } from 'pg';
import { DataSource, type DataSourceOptions, type MigrationInterface } from 'typeorm';
import { provisionServiceDatabase } from '@lianxin/platform-runtime';
import { uniqueId } from '../ids';
import { getTestPostgres } from '../infra/test-infra';

export type MigrationClass = new () => MigrationInterface;
type EntityList = NonNullable<DataSourceOptions['entities']>;

export interface DataSourceFactoryInput {
  url: string;
  name: string;
  entities: EntityList;
  migrations: MigrationClass[];
}

export interface CreateTestDatabaseOptions {
  /** The service's short name (`registry`): roles are `<short>_owner` and `<short>_app`. */
  short: string;
  /** The service's migration classes, in order. */
  migrations: MigrationClass[];
  entities?: EntityList;
  /**
   * How to build a DataSource (e.g. `createDataSource` from @lianxin/platform-persistence, so the
   * naming strategy matches the service). Default: a plain TypeORM Postgres DataSource.
   */
  createDataSource?: (input: DataSourceFactoryInput) => DataSource;
}

export interface TestDatabase {
  /** Database name, unique to this suite. */
  name: string;
  /** Connected as `<short>_app`: subject to RLS, DML only. */
  dataSource: DataSource;
  /** Connected as `<short>_owner`: migrations ran here; use it for fixtures that bypass the API. */
  ownerDataSource: DataSource;
  appUrl: string;
  ownerUrl: string;
  /** Closes both connections and drops the database. Call it in afterAll. */
  drop(): Promise<void>;
}

function plainDataSource({ url, name, entities, migrations }: DataSourceFactoryInput): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    name,
    entities,
    migrations,
    synchronize: false,
    logging: false,
    // Suites share one Postgres: small pools keep many parallel suites under max_connections.
    extra: { max: 4, application_name: name },
  });
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(options: CreateTestDatabaseOptions): Promise<TestDatabase> {
  const { short, migrations, entities = [], createDataSource = plainDataSource } = options;
  const { adminDatabaseUrl } = await getTestPostgres();
  const name = `test_${short}_${uniqueId()}`;
  const { ownerUrl, appUrl } = await provisionServiceDatabase(adminDatabaseUrl, { database: name, short });

  const ownerDataSource = createDataSource({ url: ownerUrl, name: `${name}_owner`, entities, migrations });
  const dataSource = createDataSource({ url: appUrl, name: `${name}_app`, entities, migrations: [] });
  try {
    await ownerDataSource.initialize();
    await ownerDataSource.runMigrations({ transaction: 'each' });
    await dataSource.initialize();
  } catch (error) {
    await Promise.allSettled([ownerDataSource.destroy(), dataSource.destroy()]);
    await dropDatabase(adminDatabaseUrl, name);
    throw error;
  }

  let dropped: Promise<void> | undefined;
  return {
    name,
    dataSource,
    ownerDataSource,
    appUrl,
    ownerUrl,
    drop: () => {
      dropped ??= (async () => {
        await Promise.allSettled([dataSource.destroy(), ownerDataSource.destroy()]);
        await dropDatabase(adminDatabaseUrl, name);
      })();
      return dropped;
    },
  };
}
