import request from 'supertest';
import {
  ACTORS,
  createRegistryTestApp,
  seedTwoDistricts,
  type RegistryTestApp,
} from '../../test-support/registry-test-app';
import { memberBody } from '../../test-support/member-fixtures';

describe('members over HTTP (real Postgres, RLS)', () => {
  let t: RegistryTestApp;
  let ids: Record<string, string>;
  let taoyuan: string;
  let xishan: string;
  let xishanMemberId: string;

  beforeAll(async () => {
    t = await createRegistryTestApp();
    ids = await seedTwoDistricts(t.db);
    taoyuan = await t.token(ACTORS.taoyuanAdmin);
    xishan = await t.token(ACTORS.xishanAdmin);
    const created = await request(t.app.getHttpServer())
      .post('/api/v1/members')
      .set('authorization', xishan)
      .send(memberBody(ids.xsBranch))
      .expect(201);
    xishanMemberId = created.body.id;
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  const http = () => request(t.app.getHttpServer());

  it('registers a member, writes the outbox row in the same transaction, and keeps PII out of it', async () => {
    const body = memberBody(ids.tyBranch);
    const res = await http().post('/api/v1/members').set('authorization', taoyuan).send(body).expect(201);
    expect(res.body).toMatchObject({
      categoryLabel: '党员干部',
      cadreRankLabel: '乡镇干部',
      ethnicMinority: true,
      mobile: body.mobile,
      residentId: body.residentId,
    });
    const outbox = await t.db.ownerDataSource.query<
      { topic: string; payload: { type: string; data: unknown } }[]
    >(`SELECT topic, payload FROM outbox WHERE payload->>'aggregateId' = $1`, [res.body.id]);
    expect(outbox.map((o) => [o.topic, o.payload.type])).toEqual([
      ['lianxin.registry.member.v1', 'registry.member.registered'],
    ]);
    const text = JSON.stringify(outbox);
    expect(text).not.toContain(String(body.mobile));
    expect(text).not.toContain(String(body.residentId));
    expect(text).not.toContain(String(body.name));
    const stored = await t.db.ownerDataSource
      .query<{ t: string }[]>(`SELECT row_to_json(m)::text AS t FROM members m WHERE id = $1`, [res.body.id])
      .catch(() => []);
    expect(JSON.stringify(stored)).not.toContain(String(body.residentId));
  });

  it('answers 409 for a second member with the same ID number, even across districts', async () => {
    const body = memberBody(ids.tyBranch);
    await http().post('/api/v1/members').set('authorization', taoyuan).send(body).expect(201);
    const again = await http()
      .post('/api/v1/members')
      .set('authorization', xishan)
      .send({ ...body, branchId: ids.xsBranch })
      .expect(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
  });

  it('validates the ID checksum, mobile and unknown fields with 400s naming the field', async () => {
    const bad = await http()
      .post('/api/v1/members')
      .set('authorization', taoyuan)
      .send(memberBody(ids.tyBranch, { residentId: '632122198604120000', mobile: '123' }))
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['residentId', 'mobile']),
    );
    const unknown = await http()
      .post('/api/v1/members')
      .set('authorization', taoyuan)
      .send(memberBody(ids.tyBranch, { favouriteColour: 'red' }))
      .expect(400);
    expect(JSON.stringify(unknown.body.errors)).toContain('favouriteColour');
  });

  it('replays the first response for a repeated Idempotency-Key instead of registering twice', async () => {
    const body = memberBody(ids.tyBranch);
    const first = await http()
      .post('/api/v1/members')
      .set('authorization', taoyuan)
      .set('idempotency-key', 'reg-once-1')
      .send(body)
      .expect(201);
    const second = await http()
      .post('/api/v1/members')
      .set('authorization', taoyuan)
      .set('idempotency-key', 'reg-once-1')
      .send(body)
      .expect(201);
    expect(second.body.id).toBe(first.body.id);
  });

  it('requires a token', async () => {
    await http().get('/api/v1/members').expect(401);
  });

  it('masks phone and ID number for roles without read-sensitive', async () => {
    const res = await http()
      .get(`/api/v1/members?limit=5`)
      .set('authorization', await t.token(ACTORS.taoyuanAuditor))
      .expect(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    for (const item of res.body.items) {
      expect(item.mobile).toMatch(/^\d{3}\*{4}\d{4}$/);
      expect(item.residentId).toMatch(/\*{11}/);
      expect(item.sensitiveMasked).toBe(true);
    }
  });

  it('hides another district’s member by id: GET, PATCH and DELETE are 404', async () => {
    await http().get(`/api/v1/members/${xishanMemberId}`).set('authorization', taoyuan).expect(404);
    await http()
      .patch(`/api/v1/members/${xishanMemberId}`)
      .set('authorization', taoyuan)
      .send({ hasPost: false })
      .expect(404);
    await http()
      .delete(`/api/v1/members/${xishanMemberId}?reason=other`)
      .set('authorization', taoyuan)
      .expect(404);
    await http().get(`/api/v1/members/${xishanMemberId}`).set('authorization', xishan).expect(200);
  });

  it('never lists another district’s members, not even through an exact ID-number search', async () => {
    const list = await http().get('/api/v1/members?limit=200').set('authorization', taoyuan).expect(200);
    expect(list.body.items.every((m: { orgPath: string }) => m.orgPath.startsWith('/lx/taoyuan/'))).toBe(
      true,
    );
    expect(list.body.items.map((m: { id: string }) => m.id)).not.toContain(xishanMemberId);
    await http().get(`/api/v1/members?unitId=${ids.xsBranch}`).set('authorization', taoyuan).expect(404);
  });

  it('pages through the subtree with keyset cursors and searches by a Chinese name prefix', async () => {
    for (const name of ['王小明', '王小红', '王大山', '李王'])
      await http()
        .post('/api/v1/members')
        .set('authorization', taoyuan)
        .send(memberBody(ids.tyBranch, { name }))
        .expect(201);
    const all = await http().get('/api/v1/members?limit=200').set('authorization', taoyuan).expect(200);
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const page: request.Response = await http()
        .get(`/api/v1/members?limit=2${after ? `&after=${after}` : ''}`)
        .set('authorization', taoyuan)
        .expect(200);
      paged.push(...page.body.items.map((m: { id: string }) => m.id));
      after = page.body.nextAfter;
    } while (after);
    expect(paged).toEqual(all.body.items.map((m: { id: string }) => m.id));
    expect(new Set(paged).size).toBe(paged.length);
    expect(paged).not.toContain(xishanMemberId);
    // Another district's member as a cursor is as unknown as any other id: an empty page.
    const foreignCursor = await http()
      .get(`/api/v1/members?after=${xishanMemberId}`)
      .set('authorization', taoyuan)
      .expect(200);
    expect(foreignCursor.body).toEqual({ items: [], nextAfter: null });

    const names = async (q: string): Promise<string[]> =>
      (
        await http()
          .get(`/api/v1/members?q=${encodeURIComponent(q)}`)
          .set('authorization', taoyuan)
          .expect(200)
      ).body.items
        .map((m: { name: string }) => m.name)
        .sort();
    expect(await names('王小')).toEqual(['王小明', '王小红'].sort());
    expect(await names('王')).toEqual(['王大山', '王小明', '王小红'].sort());
    expect(await names('王小明')).toEqual(['王小明']);
    expect(await names('%')).toEqual([]);
  });

  it('refuses to register into another district’s branch', async () => {
    await http()
      .post('/api/v1/members')
      .set('authorization', taoyuan)
      .send(memberBody(ids.xsBranch))
      .expect(404);
  });

  it('publishes an update without personal data and deactivates with a reason', async () => {
    const created = await http()
      .post('/api/v1/members')
      .set('authorization', taoyuan)
      .send(memberBody(ids.tyBranch))
      .expect(201);
    const updated = await http()
      .patch(`/api/v1/members/${created.body.id}`)
      .set('authorization', taoyuan)
      .send({ hasPost: false, name: '改名' })
      .expect(200);
    expect(updated.body).toMatchObject({ hasPost: false, name: '改名', version: 2 });
    const gone = await http()
      .delete(`/api/v1/members/${created.body.id}?reason=left_city`)
      .set('authorization', taoyuan)
      .expect(200);
    expect(gone.body).toMatchObject({ status: 'inactive', deactivationReason: 'left_city' });
    const types = await t.db.ownerDataSource.query<{ type: string; data: string }[]>(
      `SELECT payload->>'type' AS type, payload->>'data' AS data FROM outbox WHERE payload->>'aggregateId' = $1 ORDER BY seq`,
      [created.body.id],
    );
    expect(types.map((r) => r.type)).toEqual([
      'registry.member.registered',
      'registry.member.updated',
      'registry.member.deactivated',
    ]);
    expect(types[1].data).not.toContain('改名');
  });

  it('transfers across districts: out in one, in in the other, each side seeing only its part', async () => {
    const created = await http()
      .post('/api/v1/members')
      .set('authorization', taoyuan)
      .send(memberBody(ids.tyBranch))
      .expect(201);
    const out = await http()
      .post(`/api/v1/members/${created.body.id}/transfers`)
      .set('authorization', taoyuan)
      .send({ toDistrictId: ids.xishan, transferredOn: '2026-06-01', reason: '工作调动' })
      .expect(201);
    expect(out.body).toMatchObject({ status: 'pending', direction: 'out' });
    const incoming = await http()
      .get('/api/v1/members/transfers?direction=in')
      .set('authorization', xishan)
      .expect(200);
    expect(incoming.body.items.map((x: { id: string }) => x.id)).toContain(out.body.id);
    await http().get(`/api/v1/members/${created.body.id}`).set('authorization', xishan).expect(404);
    await http()
      .post(`/api/v1/members/transfers/${out.body.id}/accept`)
      .set('authorization', taoyuan)
      .send({ toBranchId: ids.tyBranch2 })
      .expect(404);
    const accepted = await http()
      .post(`/api/v1/members/transfers/${out.body.id}/accept`)
      .set('authorization', xishan)
      .send({ toBranchId: ids.xsBranch })
      .expect(200);
    expect(accepted.body).toMatchObject({ status: 'completed', direction: 'in' });
    await http().get(`/api/v1/members/${created.body.id}`).set('authorization', xishan).expect(200);
    await http().get(`/api/v1/members/${created.body.id}`).set('authorization', taoyuan).expect(404);
    const outgoing = await http()
      .get('/api/v1/members/transfers?direction=out')
      .set('authorization', taoyuan)
      .expect(200);
    expect(outgoing.body.items.find((x: { id: string }) => x.id === out.body.id)).toMatchObject({
      status: 'completed',
      direction: 'out',
    });
  });

  it('transfers within a district at once', async () => {
    const created = await http()
      .post('/api/v1/members')
      .set('authorization', taoyuan)
      .send(memberBody(ids.tyBranch))
      .expect(201);
    await http()
      .post(`/api/v1/members/${created.body.id}/transfers`)
      .set('authorization', taoyuan)
      .send({ toBranchId: ids.tyBranch2, transferredOn: '2026-06-01', reason: '搬迁' })
      .expect(201);
    const moved = await http()
      .get(`/api/v1/members/${created.body.id}`)
      .set('authorization', taoyuan)
      .expect(200);
    expect(moved.body.branchId).toBe(ids.tyBranch2);
  });
});
