import { Kafka, logLevel } from 'kafkajs';
import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { createTestDatabase, getTestInfra, type TestDatabase, uniqueTopicPrefix } from './index';

jest.setTimeout(60_000);

class CreateNotes1700000000000 implements MigrationInterface {
  name = 'CreateNotes1700000000000';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE notes (id int PRIMARY KEY, org_path text NOT NULL, body text NOT NULL)`,
    );
    await queryRunner.query(`ALTER TABLE notes ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE notes FORCE ROW LEVEL SECURITY`);
    // NULLIF: after a transaction-local set_config, an unset custom setting reads as '' (not NULL)
    // on that connection for the rest of its life, and '' || '%' would match every row.
    await queryRunner.query(
      `CREATE POLICY notes_scope ON notes
         USING (org_path LIKE NULLIF(current_setting('lianxin.scope', true), '') || '%')
         WITH CHECK (org_path LIKE NULLIF(current_setting('lianxin.scope', true), '') || '%')`,
    );
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notes`);
  }
}

describe('createTestDatabase', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ short: 'harness', migrations: [CreateNotes1700000000000] });
  });
  afterAll(() => db.drop());

  it('applies the real migrations as the owner role', async () => {
    const applied = await db.ownerDataSource.query<Array<{ name: string }>>('SELECT name FROM migrations');
    expect(applied.map((row) => row.name)).toEqual(['CreateNotes1700000000000']);
    const [who] = await db.dataSource.query<Array<{ user: string }>>('SELECT current_user AS user');
    expect(who?.user).toBe('harness_app');
  });

  it('hides every row from the app role while no scope is set, and shows rows under the scope', async () => {
    await db.ownerDataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('lianxin.scope', '/', true)`);
      await manager.query(`INSERT INTO notes VALUES (1, '/lx/taoyuan/', 'a'), (2, '/lx/xishan/', 'b')`);
    });

    expect(await db.dataSource.query('SELECT id FROM notes')).toEqual([]);
    const scoped = await db.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('lianxin.scope', '/lx/taoyuan/', true)`);
      return manager.query<Array<{ id: number }>>('SELECT id FROM notes');
    });
    expect(scoped).toEqual([{ id: 1 }]);
    // Same pooled connections after the scoped transaction: still nothing without a scope.
    expect(await db.dataSource.query('SELECT id FROM notes')).toEqual([]);
  });

  it('refuses DDL to the app role', async () => {
    await expect(db.dataSource.query('DROP TABLE notes')).rejects.toThrow(/must be owner/);
  });

  it('gives every suite its own database', async () => {
    const other = await createTestDatabase({ short: 'harness', migrations: [] });
    try {
      expect(other.name).not.toBe(db.name);
      expect(await other.ownerDataSource.query(`SELECT to_regclass('notes') AS t`)).toEqual([{ t: null }]);
    } finally {
      await other.drop();
    }
  });
});

describe('the run broker', () => {
  it('carries a message from a kafkajs producer to a kafkajs consumer', async () => {
    const { kafkaBrokers } = await getTestInfra();
    const prefix = uniqueTopicPrefix();
    const topic = `${prefix}harness.round-trip.v1`;
    const kafka = new Kafka({
      clientId: `${prefix}client`,
      brokers: kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    await admin.disconnect();

    const producer = kafka.producer({ idempotent: true });
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: [{ key: 'k1', value: 'hello 连心' }] });
    await producer.disconnect();

    const consumer = kafka.consumer({ groupId: `${prefix}group` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received = await new Promise<string>((resolve) => {
      void consumer.run({ eachMessage: async ({ message }) => resolve(message.value?.toString() ?? '') });
    });
    await consumer.disconnect();
    expect(received).toBe('hello 连心');
  });
});
