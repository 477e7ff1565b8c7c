import request from 'supertest';
import {
  ACTORS,
  createRegistryTestApp,
  seedTwoDistricts,
  type RegistryTestApp,
} from '../../test-support/registry-test-app';
import { memberBody } from '../../test-support/member-fixtures';

describe('org units over HTTP', () => {
  let t: RegistryTestApp;
  let ids: Record<string, string>;
  let taoyuan: string;

  beforeAll(async () => {
    t = await createRegistryTestApp();
    ids = await seedTwoDistricts(t.db);
    taoyuan = await t.token(ACTORS.taoyuanAdmin);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  const http = () => request(t.app.getHttpServer());

  it('creates a village and a branch with materialised paths and events', async () => {
    const village = await http()
      .post('/api/v1/org-units')
      .set('authorization', taoyuan)
      .send({ parentId: ids.tyTownship, code: 'v-tuanjie', name: '团结村', kind: 'village' })
      .expect(201);
    expect(village.body).toMatchObject({
      path: '/lx/taoyuan/dahe/v-tuanjie/',
      level: 'village',
      kindLabel: '村',
      districtId: ids.taoyuan,
      rural: true,
    });
    await http()
      .post('/api/v1/org-units')
      .set('authorization', taoyuan)
      .send({ parentId: ids.tyTownship, code: 'v-tuanjie', name: '重复', kind: 'village' })
      .expect(409);
    await http()
      .post('/api/v1/org-units')
      .set('authorization', taoyuan)
      .send({ parentId: ids.tyTownship, code: 'b-x', name: '错层', kind: 'branch' })
      .expect(422);
    await http()
      .post('/api/v1/org-units')
      .set('authorization', taoyuan)
      .send({ parentId: ids.tyTownship, code: 'Bad_Code', name: 'x', kind: 'village' })
      .expect(400);
  });

  it('renames (code unchanged) and moves a village: children and members follow, every change is an event', async () => {
    const village = await http()
      .post('/api/v1/org-units')
      .set('authorization', taoyuan)
      .send({ parentId: ids.tyTownship, code: 'v-move', name: '搬迁村', kind: 'village' })
      .expect(201);
    const branch = await http()
      .post('/api/v1/org-units')
      .set('authorization', taoyuan)
      .send({ parentId: village.body.id, code: 'b-01', name: '搬迁村党支部', kind: 'branch' })
      .expect(201);
    const member = await http()
      .post('/api/v1/members')
      .set('authorization', taoyuan)
      .send(memberBody(branch.body.id))
      .expect(201);
    const township2 = await http()
      .post('/api/v1/org-units')
      .set('authorization', taoyuan)
      .send({ parentId: ids.taoyuan, code: 'xinhe', name: '新河镇', kind: 'town' })
      .expect(201);
    const renamed = await http()
      .patch(`/api/v1/org-units/${village.body.id}`)
      .set('authorization', taoyuan)
      .send({ name: '新搬迁村' })
      .expect(200);
    expect(renamed.body).toMatchObject({ name: '新搬迁村', code: 'v-move' });
    const moved = await http()
      .post(`/api/v1/org-units/${village.body.id}/move`)
      .set('authorization', taoyuan)
      .send({ parentId: township2.body.id })
      .expect(200);
    expect(moved.body.path).toBe('/lx/taoyuan/xinhe/v-move/');
    const child = await http()
      .get(`/api/v1/org-units/${branch.body.id}`)
      .set('authorization', taoyuan)
      .expect(200);
    expect(child.body).toMatchObject({ path: '/lx/taoyuan/xinhe/v-move/b-01/', depth: 4 });
    const m = await http().get(`/api/v1/members/${member.body.id}`).set('authorization', taoyuan).expect(200);
    expect(m.body.orgPath).toBe('/lx/taoyuan/xinhe/v-move/b-01/');
    const types = await t.db.ownerDataSource.query<{ type: string }[]>(
      `SELECT payload->>'type' AS type FROM outbox WHERE payload->>'aggregateId' = $1 ORDER BY seq`,
      [village.body.id],
    );
    expect(types.map((x) => x.type)).toEqual([
      'registry.org-unit.created',
      'registry.org-unit.renamed',
      'registry.org-unit.moved',
    ]);
  });

  it('cannot see, rename or move into another district', async () => {
    await http().get(`/api/v1/org-units/${ids.xsVillage}`).set('authorization', taoyuan).expect(404);
    await http()
      .patch(`/api/v1/org-units/${ids.xsVillage}`)
      .set('authorization', taoyuan)
      .send({ name: '夺取' })
      .expect(404);
    await http()
      .post(`/api/v1/org-units/${ids.tyVillage}/move`)
      .set('authorization', taoyuan)
      .send({ parentId: ids.xsTownship })
      .expect(404);
    const list = await http().get('/api/v1/org-units?limit=500').set('authorization', taoyuan).expect(200);
    expect(list.body.items.every((u: { path: string }) => u.path.startsWith('/lx/taoyuan/'))).toBe(true);
  });

  it('deactivates only empty units, with an event', async () => {
    const village = await http()
      .post('/api/v1/org-units')
      .set('authorization', taoyuan)
      .send({ parentId: ids.tyTownship, code: 'v-empty', name: '空村', kind: 'village' })
      .expect(201);
    await http()
      .delete(`/api/v1/org-units/${ids.tyVillage}?reason=merged`)
      .set('authorization', taoyuan)
      .expect(422);
    const gone = await http()
      .delete(`/api/v1/org-units/${village.body.id}?reason=created_in_error`)
      .set('authorization', taoyuan)
      .expect(200);
    expect(gone.body.active).toBe(false);
  });

  it('lets the city admin move a township across districts, with members following', async () => {
    const city = await t.token(ACTORS.cityAdmin);
    const township = await http()
      .post('/api/v1/org-units')
      .set('authorization', city)
      .send({ parentId: ids.taoyuan, code: 'hebing', name: '合并乡', kind: 'township' })
      .expect(201);
    const moved = await http()
      .post(`/api/v1/org-units/${township.body.id}/move`)
      .set('authorization', city)
      .send({ parentId: ids.xishan })
      .expect(200);
    expect(moved.body).toMatchObject({ path: '/lx/xishan/hebing/', districtId: ids.xishan });
    await http().get(`/api/v1/org-units/${township.body.id}`).set('authorization', taoyuan).expect(404);
  });
});
