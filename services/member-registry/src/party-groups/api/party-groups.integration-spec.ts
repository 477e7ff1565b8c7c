import request from 'supertest';
import {
  ACTORS,
  createRegistryTestApp,
  seedTwoDistricts,
  type RegistryTestApp,
} from '../../test-support/registry-test-app';
import { memberBody } from '../../test-support/member-fixtures';

describe('party groups over HTTP', () => {
  let t: RegistryTestApp;
  let ids: Record<string, string>;
  let token: string;
  const members: string[] = [];

  beforeAll(async () => {
    t = await createRegistryTestApp();
    ids = await seedTwoDistricts(t.db);
    token = await t.token(ACTORS.taoyuanAdmin);
    for (let i = 0; i < 12; i += 1) {
      const res = await request(t.app.getHttpServer())
        .post('/api/v1/members')
        .set('authorization', token)
        .send(memberBody(ids.tyBranch))
        .expect(201);
      members.push(res.body.id);
    }
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  const http = () => request(t.app.getHttpServer());

  it('forms a responsibility group, fills it to ten, refuses the eleventh, and keeps the leader inside', async () => {
    await http()
      .post('/api/v1/party-groups')
      .set('authorization', token)
      .send({
        branchId: ids.tyBranch,
        name: '环境责任小组',
        groupType: 'responsibility',
        responsibilityArea: 'environment',
        memberIds: members.slice(0, 3),
        leaderMemberId: members[5],
      })
      .expect(422);
    const group = await http()
      .post('/api/v1/party-groups')
      .set('authorization', token)
      .send({
        branchId: ids.tyBranch,
        name: '环境责任小组',
        groupType: 'responsibility',
        responsibilityArea: 'environment',
        memberIds: members.slice(0, 4),
        leaderMemberId: members[0],
      })
      .expect(201);
    expect(group.body).toMatchObject({
      memberCount: 4,
      understaffed: true,
      responsibilityAreaLabel: '环境',
      groupTypeLabel: '党员责任小组',
    });
    const understaffed = await http()
      .get('/api/v1/party-groups?understaffed=true')
      .set('authorization', token)
      .expect(200);
    expect(understaffed.body.items.map((g: { id: string }) => g.id)).toContain(group.body.id);
    for (const id of members.slice(4, 10))
      await http()
        .post(`/api/v1/party-groups/${group.body.id}/members`)
        .set('authorization', token)
        .send({ memberId: id })
        .expect(201);
    const eleventh = await http()
      .post(`/api/v1/party-groups/${group.body.id}/members`)
      .set('authorization', token)
      .send({ memberId: members[10] })
      .expect(422);
    expect(eleventh.body.rule).toBe('group-full');
    await http()
      .put(`/api/v1/party-groups/${group.body.id}/leader`)
      .set('authorization', token)
      .send({ memberId: members[11] })
      .expect(422);
    await http()
      .put(`/api/v1/party-groups/${group.body.id}/leader`)
      .set('authorization', token)
      .send({ memberId: members[3] })
      .expect(200);
    await http()
      .delete(`/api/v1/party-groups/${group.body.id}/members/${members[3]}`)
      .set('authorization', token)
      .expect(422);
  });

  it('needs an area for responsibility groups only', async () => {
    const res = await http()
      .post('/api/v1/party-groups')
      .set('authorization', token)
      .send({ branchId: ids.tyBranch, name: 'x', groupType: 'patrol', responsibilityArea: 'economy' })
      .expect(400);
    expect(res.body.errors[0].field).toContain('responsibilityArea');
  });

  it('lists the groups with no activity in a month', async () => {
    const a = await http()
      .post('/api/v1/party-groups')
      .set('authorization', token)
      .send({
        branchId: ids.tyBranch,
        name: '巡逻小组',
        groupType: 'patrol',
        memberIds: members.slice(10, 12),
        leaderMemberId: members[10],
      })
      .expect(201);
    const b = await http()
      .post('/api/v1/party-groups')
      .set('authorization', token)
      .send({
        branchId: ids.tyBranch,
        name: '调解小组',
        groupType: 'mediation',
        memberIds: [members[11]],
        leaderMemberId: members[11],
      })
      .expect(201);
    await http()
      .post(`/api/v1/party-groups/${a.body.id}/activities`)
      .set('authorization', token)
      .send({ heldOn: '2026-06-12', topic: '夜间巡逻', attendeeMemberIds: members.slice(10, 12) })
      .expect(201);
    await http()
      .post(`/api/v1/party-groups/${a.body.id}/activities`)
      .set('authorization', token)
      .send({ heldOn: '2026-06-12', topic: '外人', attendeeMemberIds: [members[0]] })
      .expect(422);
    const res = await http()
      .get('/api/v1/party-groups/without-activity?month=2026-06')
      .set('authorization', token)
      .expect(200);
    const listed = res.body.items.map((g: { id: string }) => g.id);
    expect(listed).toContain(b.body.id);
    expect(listed).not.toContain(a.body.id);
  });
});
