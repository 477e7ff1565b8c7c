import { v7 as uuidv7 } from 'uuid';
import {
  createDataSource,
  assertNoMigrationDrift,
  runMigrations,
  revertLastMigration,
  inTransaction,
} from '@lianxin/platform-persistence';
import { createTestDatabase, type TestDatabase } from '@lianxin/testing';
import { type AuditEntry } from '../domain/audit-entry';
import { RecordAuditEntryHandler } from '../application/commands/record-audit-entry/record-audit-entry.handler';
import { ListAuditEntriesHandler } from '../application/queries/list-audit-entries/list-audit-entries.handler';
import { listAuditEntriesQuerySchema } from '../application/queries/list-audit-entries/list-audit-entries.query';
import { GATEWAY_MIGRATIONS } from '../../database/migrations/gateway-migrations';
import { AuditEntryOrmEntity } from './audit-entry.orm-entity';

jest.setTimeout(60_000);

const TAOYUAN = { id: '0190a000-0000-7000-8000-000000000001', path: '/lx/taoyuan/' };
const XISHAN = { id: '0190a000-0000-7000-8000-000000000002', path: '/lx/xishan/' };

function entry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: uuidv7(),
    occurredAt: new Date(),
    actorId: 'demo-taoyuan-district-admin',
    actorRole: 'district_admin',
    actorScope: TAOYUAN.path,
    districtId: TAOYUAN.id,
    method: 'POST',
    path: '/api/v1/members',
    targetIds: [],
    status: 201,
    correlationId: `corr-${uuidv7()}`,
    clientAddress: '10.0.0.1',
    ...overrides,
  };
}

describe('audit storage (real Postgres, gateway migrations)', () => {
  let db: TestDatabase;
  let record: RecordAuditEntryHandler;
  let list: ListAuditEntriesHandler;

  beforeAll(async () => {
    db = await createTestDatabase({
      short: 'gateway',
      migrations: GATEWAY_MIGRATIONS,
      entities: [AuditEntryOrmEntity],
      createDataSource: ({ url, name, migrations }) =>
        createDataSource({ url, name, entities: [AuditEntryOrmEntity], migrations, poolSize: 3 }),
    });
    record = new RecordAuditEntryHandler(db.dataSource);
    list = new ListAuditEntriesHandler(db.dataSource);
  });
  afterAll(() => db.drop());

  it('matches the entities exactly (no migration drift)', async () => {
    await expect(assertNoMigrationDrift(db.ownerDataSource)).resolves.toBeUndefined();
  });

  it('writes the row and its gateway.audit.recorded outbox message in one transaction', async () => {
    const written = entry({ targetIds: ['0190a1b2-0000-7000-8000-00000000000a'] });
    await record.execute(written);
    const outbox = await db.ownerDataSource.query<
      { topic: string; key: string; payload: { type: string; data: { auditId: string; path: string } } }[]
    >(`SELECT topic, key, payload FROM outbox WHERE key = $1`, [written.id]);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.topic).toBe('lianxin.gateway.audit.v1');
    expect(outbox[0]?.payload.type).toBe('gateway.audit.recorded');
    expect(outbox[0]?.payload.data).toMatchObject({ auditId: written.id, path: '/api/v1/members' });
  });

  it('refuses UPDATE and DELETE from the app role (no privilege)', async () => {
    const written = entry();
    await record.execute(written);
    const update = inTransaction(db.dataSource, '/', (tx) =>
      tx.manager.query(`UPDATE gateway_audit_entries SET status = 200 WHERE id = $1`, [written.id]),
    );
    await expect(update).rejects.toThrow(/permission denied/);
    const remove = inTransaction(db.dataSource, '/', (tx) =>
      tx.manager.query(`DELETE FROM gateway_audit_entries WHERE id = $1`, [written.id]),
    );
    await expect(remove).rejects.toThrow(/permission denied/);
  });

  it('refuses UPDATE, DELETE and TRUNCATE even for the owner (trigger)', async () => {
    const written = entry();
    await record.execute(written);
    const asOwner = (sql: string): Promise<unknown> =>
      inTransaction(db.ownerDataSource, '/', (tx) =>
        tx.manager.query(sql, sql.includes('$1') ? [written.id] : []),
      );
    await expect(asOwner(`UPDATE gateway_audit_entries SET status = 200 WHERE id = $1`)).rejects.toThrow(
      /append-only/,
    );
    await expect(asOwner(`DELETE FROM gateway_audit_entries WHERE id = $1`)).rejects.toThrow(/append-only/);
    await expect(asOwner(`TRUNCATE gateway_audit_entries`)).rejects.toThrow(/append-only/);
  });

  it('shows a reader only entries inside their scope, filtered and paginated', async () => {
    const actorId = `actor-${uuidv7()}`;
    const base = Date.now();
    for (let i = 0; i < 3; i += 1) {
      await record.execute(
        entry({ actorId, occurredAt: new Date(base + i * 1000), status: i === 0 ? 403 : 201 }),
      );
    }
    await record.execute(entry({ actorId, actorScope: XISHAN.path, districtId: XISHAN.id }));

    const query = (input: Record<string, string>) => listAuditEntriesQuerySchema.parse({ actorId, ...input });
    const taoyuan = await list.execute(TAOYUAN.path, query({}));
    expect(taoyuan.items).toHaveLength(3);
    expect(taoyuan.items.every((item) => item.actorScope === TAOYUAN.path)).toBe(true);

    const city = await list.execute('/lx/', query({}));
    expect(city.items).toHaveLength(4);

    const forbidden = await list.execute(TAOYUAN.path, query({ status: '403' }));
    expect(forbidden.items.map((item) => item.status)).toEqual([403]);

    const first = await list.execute(TAOYUAN.path, query({ limit: '2' }));
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await list.execute(TAOYUAN.path, query({ limit: '2', cursor: first.nextCursor ?? '' }));
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();

    const window = await list.execute(
      TAOYUAN.path,
      query({ from: new Date(base + 500).toISOString(), to: new Date(base + 1500).toISOString() }),
    );
    expect(window.items).toHaveLength(1);
  });

  it('reverts every migration with down and re-applies them', async () => {
    for (let i = 0; i < GATEWAY_MIGRATIONS.length; i += 1) await revertLastMigration(db.ownerDataSource);
    const tables = await db.ownerDataSource.query<{ table_name: string }[]>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('gateway_audit_entries', 'outbox')`,
    );
    expect(tables).toEqual([]);
    await runMigrations(db.ownerDataSource);
    await expect(assertNoMigrationDrift(db.ownerDataSource)).resolves.toBeUndefined();
  });
});
