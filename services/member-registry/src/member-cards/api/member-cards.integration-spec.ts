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

  it('shows a resident the card behind its QR code without a token: printed fields only', async () => {
    const token = await t.token(ACTORS.xishanAdmin);
    const body = memberBody(ids.xsBranch, { position: '党员中心户' });
    const member = await request(t.app.getHttpServer())
      .post('/api/v1/members')
      .set('authorization', token)
      .send(body)
      .expect(201);
    const card = await request(t.app.getHttpServer())
      .put(`/api/v1/member-cards/${member.body.id}`)
      .set('authorization', token)
      .send({ serviceItems: ['law'], pledgeText: '有事找我，随叫随到' })
      .expect(200);
    // The QR URL is the public route itself (the test base URL is the same path shape).
    expect(card.body.qrUrl).toMatch(new RegExp(`/${card.body.cardId}$`));

    const shown = await request(t.app.getHttpServer())
      .get(`/public/member-cards/${card.body.cardId}`)
      .expect(200);
    expect(shown.body).toEqual({
      cardId: card.body.cardId,
      name: body.name,
      post: '党员中心户',
      phone: null,
      serviceItems: [{ code: 'law', label: '法律咨询' }],
      pledgeText: '有事找我，随叫随到',
      motto: '我是共产党员，有困难请找我',
    });
    const text = JSON.stringify(shown.body);
    for (const secret of [member.body.id as string, String(body.residentId), String(body.mobile)])
      expect(text).not.toContain(secret);

    await request(t.app.getHttpServer())
      .put(`/api/v1/member-cards/${member.body.id}`)
      .set('authorization', token)
      .send({ serviceItems: ['law'], phoneOnCard: true })
      .expect(200);
    const consented = await request(t.app.getHttpServer())
      .get(`/public/member-cards/${card.body.cardId}`)
      .expect(200);
    expect(consented.body.phone).toBe(body.mobile);
  });

  it('answers 404 problem+json for an unknown card and 400 naming the field for a malformed id', async () => {
    const unknown = await request(t.app.getHttpServer())
      .get('/public/member-cards/0190ffff-0000-7000-8000-000000000000')
      .expect(404);
    expect(unknown.headers['content-type']).toMatch(/problem\+json/);
    // A member id is not a card id.
    const memberId = (
      await request(t.app.getHttpServer())
        .post('/api/v1/members')
        .set('authorization', await t.token(ACTORS.taoyuanAdmin))
        .send(memberBody(ids.tyBranch))
        .expect(201)
    ).body.id as string;
    await request(t.app.getHttpServer()).get(`/public/member-cards/${memberId}`).expect(404);
    const malformed = await request(t.app.getHttpServer()).get('/public/member-cards/not-a-card').expect(400);
    expect(malformed.headers['content-type']).toMatch(/problem\+json/);
    expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'cardId' })]);
  });

  it('lists the public route in the OpenAPI document without security, with its errors', async () => {
    const doc = await request(t.app.getHttpServer()).get('/openapi.json').expect(200);
    const operation = doc.body.paths['/public/member-cards/{cardId}']?.get;
    expect(operation).toMatchObject({ security: [] });
    expect(operation['x-lianxin-action']).toBeUndefined();
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '400', '404', '429']));
  });
});
