import iconv from 'iconv-lite';
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

  const countMembers = async (): Promise<number> => {
    const [{ n }] = await t.db.ownerDataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM members',
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
    const [{ n }] = await t.db.ownerDataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM outbox WHERE payload->>'type' = 'registry.member.registered' AND payload->'actor'->>'id' = $1`,
      [ACTORS.taoyuanAdmin.id],
    );
    expect(n).toBe(2);
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
