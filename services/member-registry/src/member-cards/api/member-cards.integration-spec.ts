import request from 'supertest';
import {
  ACTORS,
  createRegistryTestApp,
  seedTwoDistricts,
  type RegistryTestApp,
} from '../../test-support/registry-test-app';
import { memberBody } from '../../test-support/member-fixtures';

describe('member cards (党员名片)', () => {
  let t: RegistryTestApp;
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await createRegistryTestApp();
    ids = await seedTwoDistricts(t.db);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('prints name, post, service items, pledge and QR URL, and the phone only with consent', async () => {
    const token = await t.token(ACTORS.taoyuanAdmin);
    const body = memberBody(ids.tyBranch, { position: '村党支部委员' });
    const member = await request(t.app.getHttpServer())
      .post('/api/v1/members')
      .set('authorization', token)
      .send(body)
      .expect(201);
    const card = await request(t.app.getHttpServer())
      .put(`/api/v1/member-cards/${member.body.id}`)
      .set('authorization', token)
      .send({ serviceItems: ['agri_tech', 'mediation'] })
      .expect(200);
    expect(card.body).toMatchObject({
      name: body.name,
      post: '村党支部委员',
      phone: null,
      motto: '我是共产党员，有困难请找我',
      pledgeText: '我是共产党员，有困难请找我',
      serviceItems: [
        { code: 'agri_tech', label: '农技指导' },
        { code: 'mediation', label: '矛盾调解' },
      ],
    });
    expect(card.body.qrUrl).toBe(`https://cards.test/c/${card.body.cardId}`);
    const consented = await request(t.app.getHttpServer())
      .put(`/api/v1/member-cards/${member.body.id}`)
      .set('authorization', token)
      .send({ serviceItems: ['agri_tech'], phoneOnCard: true })
      .expect(200);
    expect(consented.body).toMatchObject({ phone: body.mobile, cardId: card.body.cardId });
    const events = await t.db.ownerDataSource.query<{ data: string }[]>(
      `SELECT payload->>'data' AS data FROM outbox WHERE payload->>'type' = 'registry.member.card-published'`,
    );
    expect(events).toHaveLength(2);
    expect(JSON.stringify(events)).not.toContain(String(body.mobile));
    await request(t.app.getHttpServer())
      .get(`/api/v1/member-cards/${member.body.id}`)
      .set('authorization', await t.token(ACTORS.xishanAdmin))
      .expect(404);
  });
});
