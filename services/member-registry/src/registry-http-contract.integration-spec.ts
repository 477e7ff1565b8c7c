import request from 'supertest';
import { createRegistryTestApp, type RegistryTestApp } from './test-support/registry-test-app';

// The HTTP contract of every route at once: documented in /openapi.json with its permission
// action, and refused without a token.
describe('registry HTTP contract', () => {
  let t: RegistryTestApp;
  let doc: { paths: Record<string, Record<string, { 'x-lianxin-action'?: string }>> };

  beforeAll(async () => {
    t = await createRegistryTestApp();
    doc = (await request(t.app.getHttpServer()).get('/openapi.json').expect(200)).body;
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  const operations = (): { path: string; method: string; action: string | undefined }[] =>
    Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => ({ path, method, action: op['x-lianxin-action'] })),
      );

  it('documents every resource prefix the gateway routes to the registry', () => {
    const prefixes = new Set(operations().map((o) => `/${o.path.split('/').slice(1, 4).join('/')}`));
    for (const prefix of [
      'org-units',
      'members',
      'households',
      'party-groups',
      'post-types',
      'post-selections',
      'member-cards',
      'statistics',
      'imports',
    ]) {
      expect(prefixes).toContain(`/api/v1/${prefix}`);
    }
  });

  it('names a registry permission action on every route', () => {
    const missing = operations().filter((o) => !o.action?.startsWith('registry.'));
    expect(missing).toEqual([]);
  });

  it('answers 401 problem+json on every route without a token', async () => {
    for (const op of operations()) {
      const path = op.path.replace(/\{[^}]+\}/g, '0190a000-0000-7000-8000-000000000001');
      const res = await request(t.app.getHttpServer())[op.method as 'get'](path);
      expect([op.method, op.path, res.status]).toEqual([op.method, op.path, 401]);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('rejects a malformed id with a 400 naming the parameter', async () => {
    const token = await t.token({
      id: 'u',
      name: 'n',
      roles: ['district_admin'],
      scope: '/lx/taoyuan/',
      districtId: '0190a000-0000-7000-8000-000000000001',
    });
    const res = await request(t.app.getHttpServer())
      .get('/api/v1/members/not-a-uuid')
      .set('authorization', token)
      .expect(400);
    expect(res.body.errors[0].field).toContain('id');
  });

  it('answers 403 when the role lacks the action', async () => {
    const token = await t.token({
      id: 'u',
      name: 'n',
      roles: ['member'],
      scope: '/lx/taoyuan/',
      districtId: '0190a000-0000-7000-8000-000000000001',
    });
    await request(t.app.getHttpServer()).get('/api/v1/members').set('authorization', token).expect(403);
  });
});
