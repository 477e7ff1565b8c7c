import request from 'supertest';
import {
  ACTORS,
  createRegistryTestApp,
  seedTwoDistricts,
  type RegistryTestApp,
} from '../../test-support/registry-test-app';
import { memberBody } from '../../test-support/member-fixtures';

describe('two-way post selection (设岗定责)', () => {
  let t: RegistryTestApp;
  let ids: Record<string, string>;
  let token: string;
  const m: string[] = [];

  beforeAll(async () => {
    t = await createRegistryTestApp();
    ids = await seedTwoDistricts(t.db);
    token = await t.token(ACTORS.taoyuanAdmin);
    for (let i = 0; i < 4; i += 1) {
      m.push(
        (
          await request(t.app.getHttpServer())
            .post('/api/v1/members')
            .set('authorization', token)
            .send(memberBody(ids.tyBranch, { category: 'ordinary', cadreRank: 'none', hasPost: false }))
            .expect(201)
        ).body.id,
      );
    }
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  const post = (path: string, body: object = {}) =>
    request(t.app.getHttpServer()).post(path).set('authorization', token).send(body);

  it('runs open → applications → nominations → shortlist → vote → publicity → confirm, auditing and emitting each step', async () => {
    t.settings.setToday('2026-06-01');
    const type = await post('/api/v1/post-types', {
      unitId: ids.tyTownship,
      code: 'environmental-sanitation',
      name: '环境卫生岗',
      duties: ['keep_roads_clean'],
    }).expect(201);
    const opened = await post('/api/v1/post-selections', {
      branchId: ids.tyBranch,
      postTypeId: type.body.id,
      seats: 1,
      applicationsCloseOn: '2026-06-10',
      objectionWindowDays: 5,
    }).expect(201);
    const id = opened.body.id as string;
    expect(opened.body).toMatchObject({
      state: 'open',
      allowedSteps: ['apply', 'close-applications', 'cancel'],
    });

    const early = await post(`/api/v1/post-selections/${id}/vote-tally`, {
      ballotsCast: 10,
      tallies: [],
    }).expect(400);
    expect(early.body.errors[0].field).toContain('tallies');
    const outOfOrder = await post(`/api/v1/post-selections/${id}/shortlist`, {
      candidateMemberIds: [m[0], m[1]],
    }).expect(409);
    expect(outOfOrder.body.allowed).toEqual(['apply', 'close-applications', 'cancel']);

    await post(`/api/v1/post-selections/${id}/applications`, {
      memberId: m[0],
      statement: '愿为村里环境出力',
    }).expect(200);
    await post(`/api/v1/post-selections/${id}/applications`, { memberId: m[0], statement: '再次' }).expect(
      409,
    );
    await post(`/api/v1/post-selections/${id}/close-applications`).expect(200);
    await post(`/api/v1/post-selections/${id}/nominations`, {
      memberId: m[1],
      nominatorKind: 'resident',
      note: '群众推荐',
    }).expect(200);
    await post(`/api/v1/post-selections/${id}/shortlist`, { candidateMemberIds: [m[0]] }).expect(400);
    await post(`/api/v1/post-selections/${id}/shortlist`, { candidateMemberIds: [m[0], m[2]] }).expect(422);
    await post(`/api/v1/post-selections/${id}/shortlist`, { candidateMemberIds: [m[0], m[1]] }).expect(200);
    // Beyond Postgres `integer` (and any branch): a 400 naming the field, not a failed write.
    const huge = await post(`/api/v1/post-selections/${id}/vote-tally`, {
      ballotsCast: 3_000_000_000,
      tallies: [
        { memberId: m[0], memberVotes: 10, representativeVotes: 6 },
        { memberId: m[1], memberVotes: 12, representativeVotes: 10 },
      ],
    }).expect(400);
    expect(huge.body.errors).toEqual([expect.objectContaining({ field: 'ballotsCast' })]);
    const voted = await post(`/api/v1/post-selections/${id}/vote-tally`, {
      ballotsCast: 40,
      tallies: [
        { memberId: m[0], memberVotes: 10, representativeVotes: 6 },
        { memberId: m[1], memberVotes: 12, representativeVotes: 10 },
      ],
    }).expect(200);
    expect(voted.body).toMatchObject({ state: 'voted', elected: [m[1]] });
    const publicised = await post(`/api/v1/post-selections/${id}/publicise`).expect(200);
    expect(publicised.body).toMatchObject({
      state: 'publicised',
      objectionWindowEndsOn: '2026-06-06',
      allowedSteps: ['object', 'confirm', 'cancel'],
    });
    await post(`/api/v1/post-selections/${id}/objections`, {
      againstMemberId: m[1],
      reasonCode: 'not_resident',
    }).expect(200);
    const tooEarly = await post(`/api/v1/post-selections/${id}/confirm`).expect(422);
    expect(tooEarly.body.rule).toBe('objection-window-open');
    t.settings.setToday('2026-06-07');
    await post(`/api/v1/post-selections/${id}/objections`, { reasonCode: 'late' }).expect(422);
    await post(`/api/v1/post-selections/${id}/confirm`).expect(200);
    const again = await post(`/api/v1/post-selections/${id}/confirm`).expect(409);
    expect(again.body.allowed).toEqual([]);
    const lateCancel = await post(`/api/v1/post-selections/${id}/cancel`, { reason: '太晚了' }).expect(409);
    expect(lateCancel.body.allowed).toEqual([]);

    const detail = await request(t.app.getHttpServer())
      .get(`/api/v1/post-selections/${id}`)
      .set('authorization', token)
      .expect(200);
    expect(detail.body.audit.map((a: { step: string }) => a.step)).toEqual([
      'open',
      'apply',
      'close-applications',
      'nominate',
      'shortlist',
      'tally-vote',
      'publicise',
      'object',
      'confirm',
    ]);
    const member = await request(t.app.getHttpServer())
      .get(`/api/v1/members/${m[1]}`)
      .set('authorization', token)
      .expect(200);
    expect(member.body.hasPost).toBe(true);
    const types = await t.db.ownerDataSource.query<{ type: string }[]>(
      `SELECT payload->>'type' AS type FROM outbox WHERE payload->>'aggregateId' = $1 ORDER BY seq`,
      [id],
    );
    expect(types.map((x) => x.type)).toEqual([
      'registry.post-selection.opened',
      'registry.post-selection.application-submitted',
      'registry.post-selection.nomination-received',
      'registry.post-selection.shortlisted',
      'registry.post-selection.vote-tallied',
      'registry.post-selection.publicised',
      'registry.post-selection.objection-raised',
      'registry.post-selection.confirmed',
    ]);
    t.settings.setToday('2026-06-30');
  });

  it('cancels a selection in progress with a reason: audited, emitted without the reason, final', async () => {
    t.settings.setToday('2026-06-01');
    const type = await post('/api/v1/post-types', {
      unitId: ids.tyTownship,
      code: 'policy-publicity',
      name: '政策宣传岗',
      duties: ['explain_policies'],
    }).expect(201);
    const opened = await post('/api/v1/post-selections', {
      branchId: ids.tyBranch,
      postTypeId: type.body.id,
      seats: 1,
      applicationsCloseOn: '2026-06-10',
      objectionWindowDays: 5,
    }).expect(201);
    const id = opened.body.id as string;
    await post(`/api/v1/post-selections/${id}/applications`, { memberId: m[2], statement: '愿意' }).expect(
      200,
    );
    await post(`/api/v1/post-selections/${id}/close-applications`).expect(200);

    const noReason = await post(`/api/v1/post-selections/${id}/cancel`, {}).expect(400);
    expect(noReason.body.errors[0].field).toContain('reason');
    const xishan = await t.token(ACTORS.xishanAdmin);
    await request(t.app.getHttpServer())
      .post(`/api/v1/post-selections/${id}/cancel`)
      .set('authorization', xishan)
      .send({ reason: '别的区' })
      .expect(404);

    const cancelled = await post(`/api/v1/post-selections/${id}/cancel`, {
      reason: '村两委换届，岗位调整后重新设岗',
    }).expect(200);
    expect(cancelled.body).toMatchObject({
      state: 'cancelled',
      allowedSteps: [],
      cancelledOn: '2026-06-01',
      cancellationReason: '村两委换届，岗位调整后重新设岗',
    });
    const again = await post(`/api/v1/post-selections/${id}/cancel`, { reason: '再次' }).expect(409);
    expect(again.body.allowed).toEqual([]);
    const nominate = await post(`/api/v1/post-selections/${id}/nominations`, {
      memberId: m[3],
      nominatorKind: 'resident',
    }).expect(409);
    expect(nominate.body.allowed).toEqual([]);

    const detail = await request(t.app.getHttpServer())
      .get(`/api/v1/post-selections/${id}`)
      .set('authorization', token)
      .expect(200);
    expect(detail.body.audit.at(-1)).toMatchObject({
      step: 'cancel',
      fromState: 'nominating',
      toState: 'cancelled',
      actorId: ACTORS.taoyuanAdmin.id,
    });
    const events = await t.db.ownerDataSource.query<{ payload: { type: string; data: object } }[]>(
      `SELECT payload FROM outbox WHERE payload->>'aggregateId' = $1 ORDER BY seq`,
      [id],
    );
    expect(events.at(-1)?.payload).toMatchObject({
      type: 'registry.post-selection.cancelled',
      data: {
        selectionId: id,
        postTypeId: type.body.id,
        previousState: 'nominating',
        cancelledOn: '2026-06-01',
      },
    });
    expect(JSON.stringify(events.at(-1))).not.toContain('换届');
    t.settings.setToday('2026-06-30');
  });

  it('hides another district’s selection', async () => {
    const type = await post('/api/v1/post-types', {
      unitId: ids.tyBranch,
      code: 'dispute-mediation',
      name: '矛盾调解岗',
    }).expect(201);
    const opened = await post('/api/v1/post-selections', {
      branchId: ids.tyBranch,
      postTypeId: type.body.id,
      seats: 1,
      applicationsCloseOn: '2026-07-30',
    }).expect(201);
    const xishan = await t.token(ACTORS.xishanAdmin);
    await request(t.app.getHttpServer())
      .get(`/api/v1/post-selections/${opened.body.id}`)
      .set('authorization', xishan)
      .expect(404);
    await request(t.app.getHttpServer())
      .post(`/api/v1/post-selections/${opened.body.id}/close-applications`)
      .set('authorization', xishan)
      .send({})
      .expect(404);
  });
});
