import iconv from 'iconv-lite';
import {
  buildEnvelope,
  envelopeHeaders,
  householdRegisteredV1,
  memberRegisteredV1,
  type EnvelopeOf,
} from '@lianxin/contracts';
import { inTransaction, SYSTEM_SCOPE } from '@lianxin/platform-persistence';
import request from 'supertest';
import {
  ACTORS,
  createRegistryTestApp,
  seedTwoDistricts,
  type RegistryTestApp,
} from '../../test-support/registry-test-app';
import { MEMBER_CSV_HEADER, memberCsvRow } from '../../test-support/csv-fixtures';

describe('CSV import', () => {
  let t: RegistryTestApp;
  let ids: Record<string, string>;
  let token: string;

  beforeAll(async () => {
    t = await createRegistryTestApp();
    ids = await seedTwoDistricts(t.db);
    token = await t.token(ACTORS.taoyuanAdmin);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  // Under the system scope: the owner role is subject to RLS too (FORCE), and sees nothing without one.
  const countMembers = async (): Promise<number> => {
    const [{ n }] = await inTransaction(t.db.dataSource, SYSTEM_SCOPE, (tx) =>
      tx.manager.query<{ n: number }[]>('SELECT count(*)::int AS n FROM members'),
    );
    return n;
  };

  const countRegisteredEvents = async (): Promise<number> => {
    const [{ n }] = await t.db.ownerDataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM outbox WHERE payload->>'type' = 'registry.member.registered'`,
    );
    return n;
  };

  const gbFile = (rows: string[]): Buffer =>
    iconv.encode([MEMBER_CSV_HEADER, ...rows].join('\r\n') + '\r\n', 'gb18030');

  it('rejects a GB18030 file with errors, reports row, field and reason, and imports nothing', async () => {
    const rows = [
      memberCsvRow(1, 'v-hongqi/b-01'),
      memberCsvRow(2, 'v-hongqi/b-01').replace(',男,', ',未知,'),
      memberCsvRow(3, 'v-hongqi/b-99'),
    ];
    const before = await countMembers();
    const res = await request(t.app.getHttpServer())
      .post(`/api/v1/imports/members?unitId=${ids.tyTownship}`)
      .set('authorization', token)
      .set('content-type', 'text/csv')
      .send(gbFile(rows))
      .expect(422);
    expect(res.body.report).toMatchObject({
      encoding: 'gb18030',
      rowsTotal: 3,
      rowsImported: 0,
      rowsRejected: 2,
    });
    expect(res.body.report.errors).toEqual([
      { row: 3, field: 'gender', reason: expect.any(String) },
      { row: 4, field: 'branchCode', reason: expect.stringContaining('/lx/taoyuan/dahe/v-hongqi/b-99/') },
    ]);
    expect(await countMembers()).toBe(before);
  });

  it('imports only the valid rows when asked, with one outbox event per imported member', async () => {
    const rows = [
      memberCsvRow(11, 'v-hongqi/b-01'),
      memberCsvRow(12, 'v-hongqi/b-02'),
      memberCsvRow(13, 'v-hongqi/b-01').replace(/,1\d{10},/, ',12345,'),
    ];
    const res = await request(t.app.getHttpServer())
      .post(`/api/v1/imports/members?unitId=${ids.tyTownship}&mode=valid-rows`)
      .set('authorization', token)
      .set('content-type', 'text/csv')
      .send(gbFile(rows))
      .expect(200);
    expect(res.body).toMatchObject({
      rowsTotal: 3,
      rowsImported: 2,
      rowsRejected: 1,
      errors: [{ row: 4, field: 'mobile' }],
    });
    const events = await t.db.ownerDataSource.query<
      { key: string; headers: Record<string, string>; payload: EnvelopeOf<typeof memberRegisteredV1> }[]
    >(
      `SELECT key, headers, payload FROM outbox WHERE payload->>'type' = 'registry.member.registered' AND payload->'actor'->>'id' = $1 ORDER BY seq`,
      [ACTORS.taoyuanAdmin.id],
    );
    expect(events).toHaveLength(2);
    // Envelopes are stamped in SQL from a validated template (ADR 0008): each must be exactly
    // what buildEnvelope (exact schema, unknown keys rejected) makes of the stored member.
    for (const { key, headers, payload } of events) {
      const [member] = await inTransaction(t.db.dataSource, SYSTEM_SCOPE, (tx) =>
        tx.manager.query<{ branch_id: string; birth_date: string }[]>(
          `SELECT branch_id, to_char(birth_date, 'YYYY-MM-DD') AS birth_date FROM members WHERE id = $1`,
          [payload.aggregateId],
        ),
      );
      expect(payload.data.memberId).toBe(payload.aggregateId);
      expect(payload.data.branchUnitId).toBe(member.branch_id);
      expect(payload.data.birthYear).toBe(Number(member.birth_date.slice(0, 4)));
      const { id, occurredAt, districtId, orgUnitPath, aggregateId, correlationId, actor, source, data } =
        payload;
      const rebuilt = buildEnvelope(memberRegisteredV1, {
        id,
        occurredAt,
        source,
        districtId,
        orgUnitPath,
        aggregateId,
        correlationId,
        actor,
        data,
      });
      expect(payload).toEqual(rebuilt);
      expect(key).toBe(aggregateId);
      expect(headers).toMatchObject(envelopeHeaders(rebuilt));
    }
    expect(new Set(events.map((e) => e.payload.id)).size).toBe(2);
  });

  it('reports an ID number that is already registered or repeated in the file', async () => {
    const row = memberCsvRow(11, 'v-hongqi/b-01');
    const res = await request(t.app.getHttpServer())
      .post(`/api/v1/imports/members?unitId=${ids.tyTownship}&mode=valid-rows&encoding=utf-8`)
      .set('authorization', token)
      .set('content-type', 'text/csv')
      .send(
        [MEMBER_CSV_HEADER, row, memberCsvRow(21, 'v-hongqi/b-01'), memberCsvRow(21, 'v-hongqi/b-01')].join(
          '\n',
        ),
      )
      .expect(200);
    expect(res.body).toMatchObject({ encoding: 'utf-8', rowsImported: 1, rowsRejected: 2 });
    expect(res.body.errors.map((e: { row: number; reason: string }) => [e.row, e.reason])).toEqual([
      [2, 'already registered'],
      [4, 'appears twice in this file'],
    ]);
  });

  it('keeps all-or-nothing across pipelined batches: a conflict in the second batch imports nothing', async () => {
    const taken = memberCsvRow(200_000, 'v-hongqi/b-01');
    await request(t.app.getHttpServer())
      .post(`/api/v1/imports/members?unitId=${ids.tyTownship}`)
      .set('authorization', token)
      .set('content-type', 'text/csv')
      .send(gbFile([taken]))
      .expect(200);
    // 4,500 rows = three batches of 2,000; row 2,502 (the 2,501st data row) is already registered.
    const rows = Array.from({ length: 4_500 }, (_, k) =>
      k === 2_500 ? taken : memberCsvRow(100_000 + k, 'v-hongqi/b-01'),
    );
    const before = await countMembers();
    const eventsAtStart = await countRegisteredEvents();
    const rejected = await request(t.app.getHttpServer())
      .post(`/api/v1/imports/members?unitId=${ids.tyTownship}`)
      .set('authorization', token)
      .set('content-type', 'text/csv')
      .send(gbFile(rows))
      .expect(422);
    expect(rejected.body.report).toMatchObject({ rowsTotal: 4_500, rowsImported: 0, rowsRejected: 1 });
    expect(rejected.body.report.errors).toEqual([
      { row: 2_502, field: 'residentId', reason: 'already registered' },
    ]);
    expect(await countMembers()).toBe(before);
    expect(await countRegisteredEvents()).toBe(eventsAtStart);

    const eventsBefore = await countRegisteredEvents();
    const partial = await request(t.app.getHttpServer())
      .post(`/api/v1/imports/members?unitId=${ids.tyTownship}&mode=valid-rows`)
      .set('authorization', token)
      .set('content-type', 'text/csv')
      .send(gbFile(rows))
      .expect(200);
    expect(partial.body).toMatchObject({ rowsImported: 4_499, rowsRejected: 1 });
    expect(await countMembers()).toBe(before + 4_499);
    expect(await countRegisteredEvents()).toBe(eventsBefore + 4_499);
  }, 60_000);

  it('imports households into villages', async () => {
    const csv = [
      '户主姓名,住址,家庭人口,困难类型,需求,村社区编码',
      '李四,红旗村3组12号,4,低收入户,schooling,v-hongqi',
      '王五,红旗村1组2号,2,特困户,,v-hongqi',
    ].join('\n');
    const res = await request(t.app.getHttpServer())
      .post(`/api/v1/imports/households?unitId=${ids.tyTownship}`)
      .set('authorization', token)
      .set('content-type', 'text/csv')
      .send(csv)
      .expect(200);
    expect(res.body).toMatchObject({ rowsImported: 2, rowsRejected: 0 });
    const events = await t.db.ownerDataSource.query<{ payload: EnvelopeOf<typeof householdRegisteredV1> }[]>(
      `SELECT payload FROM outbox WHERE payload->>'type' = 'registry.household.registered' AND payload->>'correlationId' = (
         SELECT payload->>'correlationId' FROM outbox WHERE payload->>'type' = 'registry.household.registered' ORDER BY seq DESC LIMIT 1)
       ORDER BY seq`,
    );
    expect(events.map((e) => e.payload.data)).toEqual([
      expect.objectContaining({ size: 4, hardshipStatus: 'low_income', needs: ['schooling'] }),
      expect.objectContaining({ size: 2, hardshipStatus: 'extreme_hardship', needs: [] }),
    ]);
    for (const { payload } of events) {
      const { id, occurredAt, districtId, orgUnitPath, aggregateId, correlationId, actor, source, data } =
        payload;
      expect(payload).toEqual(
        buildEnvelope(householdRegisteredV1, {
          id,
          occurredAt,
          source,
          districtId,
          orgUnitPath,
          aggregateId,
          correlationId,
          actor,
          data,
        }),
      );
      expect(JSON.stringify(payload)).not.toMatch(/李四|王五|红旗村/);
    }
  });

  it('cannot import into another district', async () => {
    await request(t.app.getHttpServer())
      .post(`/api/v1/imports/members?unitId=${ids.xsTownship}`)
      .set('authorization', token)
      .set('content-type', 'text/csv')
      .send(gbFile([memberCsvRow(31, 'v-wuzhuang/b-01')]))
      .expect(404);
  });
});
