import { inTransaction, SYSTEM_SCOPE } from '@lianxin/platform-persistence';
import request from 'supertest';
import { buildResidentId } from '../../shared/domain/resident-id';
import {
  ACTORS,
  createRegistryTestApp,
  seedTwoDistricts,
  TAOYUAN_ID,
  type RegistryTestApp,
} from '../../test-support/registry-test-app';

describe('households over HTTP', () => {
  let t: RegistryTestApp;
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await createRegistryTestApp();
    ids = await seedTwoDistricts(t.db);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  const body = (villageId: string, n: number): Record<string, unknown> => ({
    villageId,
    headName: `户主${n}`,
    residentId: buildResidentId('632123', '1970-03-04', n),
    mobile: `1381234${String(n).padStart(4, '0')}`,
    address: `红旗村${n}号`,
    size: 4,
    hardshipStatus: 'poor',
    needs: ['schooling'],
  });

  it('registers, masks for branch secretaries, publishes hardship changes without personal data', async () => {
    const admin = await t.token(ACTORS.taoyuanAdmin);
    const created = await request(t.app.getHttpServer())
      .post('/api/v1/households')
      .set('authorization', admin)
      .send(body(ids.tyVillage, 1))
      .expect(201);
    expect(created.body).toMatchObject({ hardshipLabel: '贫困户', sensitiveMasked: false });
    const masked = await request(t.app.getHttpServer())
      .get(`/api/v1/households/${created.body.id}`)
      .set('authorization', await t.token(ACTORS.taoyuanSecretary))
      .expect(200);
    expect(masked.body.mobile).toMatch(/\*{4}/);
    expect(masked.body.residentId).toMatch(/\*{11}/);
    await request(t.app.getHttpServer())
      .patch(`/api/v1/households/${created.body.id}`)
      .set('authorization', admin)
      .send({ hardshipStatus: 'none', hardshipReason: 'income_rose', address: '新址' })
      .expect(200);
    const events = await t.db.ownerDataSource.query<{ type: string; payload: unknown }[]>(
      `SELECT payload->>'type' AS type, payload FROM outbox WHERE payload->>'aggregateId' = $1 ORDER BY seq`,
      [created.body.id],
    );
    expect(events.map((e) => e.type)).toEqual([
      'registry.household.registered',
      'registry.household.hardship-status-changed',
      'registry.household.updated',
    ]);
    const text = JSON.stringify(events);
    for (const secret of ['户主1', '红旗村1号', '新址', String(body(ids.tyVillage, 1).mobile)])
      expect(text).not.toContain(secret);
  });

  it('deactivates with a reason code: one registry.household.deactivated event, none on a repeat', async () => {
    const admin = await t.token(ACTORS.taoyuanAdmin);
    const created = await request(t.app.getHttpServer())
      .post('/api/v1/households')
      .set('authorization', admin)
      .send(body(ids.tyVillage, 7))
      .expect(201);
    const bad = await request(t.app.getHttpServer())
      .delete(`/api/v1/households/${created.body.id}?reason=vanished`)
      .set('authorization', admin)
      .expect(400);
    expect(bad.body.errors[0].field).toContain('reason');
    for (let i = 0; i < 2; i += 1)
      expect(
        (
          await request(t.app.getHttpServer())
            .delete(`/api/v1/households/${created.body.id}?reason=moved_away`)
            .set('authorization', admin)
            .expect(200)
        ).body.active,
      ).toBe(false);
    const events = await t.db.ownerDataSource.query<{ payload: Record<string, unknown> }[]>(
      `SELECT payload FROM outbox WHERE payload->>'aggregateId' = $1 ORDER BY seq`,
      [created.body.id],
    );
    expect(events.map((e) => e.payload['type'])).toEqual([
      'registry.household.registered',
      'registry.household.deactivated',
    ]);
    expect(events[1].payload).toMatchObject({
      districtId: TAOYUAN_ID,
      orgUnitPath: expect.stringMatching(/^\/lx\/taoyuan\//),
      actor: { id: ACTORS.taoyuanAdmin.id },
      data: { householdId: created.body.id, reasonCode: 'moved_away', effectiveOn: expect.any(String) },
    });
    expect(JSON.stringify(events[1])).not.toContain('户主7');
  });

  it('hides another district’s households by id and in lists', async () => {
    const xs = await request(t.app.getHttpServer())
      .post('/api/v1/households')
      .set('authorization', await t.token(ACTORS.xishanAdmin))
      .send(body(ids.xsVillage, 2))
      .expect(201);
    const admin = await t.token(ACTORS.taoyuanAdmin);
    await request(t.app.getHttpServer())
      .get(`/api/v1/households/${xs.body.id}`)
      .set('authorization', admin)
      .expect(404);
    await request(t.app.getHttpServer())
      .patch(`/api/v1/households/${xs.body.id}`)
      .set('authorization', admin)
      .send({ size: 2 })
      .expect(404);
    await request(t.app.getHttpServer())
      .delete(`/api/v1/households/${xs.body.id}`)
      .set('authorization', admin)
      .expect(404);
    const list = await request(t.app.getHttpServer())
      .get('/api/v1/households')
      .set('authorization', admin)
      .expect(200);
    expect(list.body.items.map((h: { id: string }) => h.id)).not.toContain(xs.body.id);
  });
  it('lets a village branch’s secretary see, list and update the village’s households, and no other village’s', async () => {
    // A second village in the same township, with a household; the secretary's scope is one branch.
    const otherVillage = '0190a000-0000-7000-8000-00000000f005';
    await inTransaction(t.db.dataSource, SYSTEM_SCOPE, (tx) =>
      tx.manager.query(
        `INSERT INTO org_units (id, parent_id, code, name, level, kind, district_id, org_path, depth, rural)
         VALUES ($1, $2, 'v-dongfeng', '东风村', 'village', 'village', $3, '/lx/taoyuan/dahe/v-dongfeng/', 3, true)`,
        [otherVillage, ids.tyTownship, TAOYUAN_ID],
      ),
    );
    const admin = await t.token(ACTORS.taoyuanAdmin);
    const register = async (villageId: string, n: number): Promise<string> =>
      (
        await request(t.app.getHttpServer())
          .post('/api/v1/households')
          .set('authorization', admin)
          .send(body(villageId, n))
          .expect(201)
      ).body.id as string;
    const own = await register(ids.tyVillage, 11);
    const neighbour = await register(otherVillage, 12);
    const secretary = await t.token({
      ...ACTORS.taoyuanSecretary,
      id: 'u-hongqi-b01-secretary',
      scope: '/lx/taoyuan/dahe/v-hongqi/b-01/',
    });
    const http = () => request(t.app.getHttpServer());

    await http().get(`/api/v1/households/${own}`).set('authorization', secretary).expect(200);
    await http().get(`/api/v1/households/${neighbour}`).set('authorization', secretary).expect(404);
    const listed = await http().get('/api/v1/households').set('authorization', secretary).expect(200);
    const listedIds = listed.body.items.map((h: { id: string }) => h.id);
    expect(listedIds).toContain(own);
    expect(listedIds).not.toContain(neighbour);
    await http()
      .patch(`/api/v1/households/${own}`)
      .set('authorization', secretary)
      .send({ size: 5 })
      .expect(200);
    await http()
      .patch(`/api/v1/households/${neighbour}`)
      .set('authorization', secretary)
      .send({ size: 5 })
      .expect(404);
    // The database itself draws the line, whatever the handler asks for; and the lookup (which
    // reads the org tree with the system scope) leaves the caller's scope as it found it.
    const branchScope = '/lx/taoyuan/dahe/v-hongqi/b-01/';
    const [seen, scopeAfter, seenAgain] = await inTransaction(t.db.dataSource, branchScope, async (tx) => [
      await tx.manager.query<{ id: string }[]>('SELECT id FROM households WHERE id = ANY($1::uuid[])', [
        [own, neighbour],
      ]),
      await tx.manager.query<{ scope: string }[]>("SELECT current_setting('lianxin.scope') AS scope"),
      await tx.manager.query<{ id: string }[]>('SELECT id FROM households WHERE id = ANY($1::uuid[])', [
        [own, neighbour],
      ]),
    ]);
    expect(seen.map((row) => row.id)).toEqual([own]);
    expect(scopeAfter).toEqual([{ scope: branchScope }]);
    expect(seenAgain.map((row) => row.id)).toEqual([own]);
  });
});
