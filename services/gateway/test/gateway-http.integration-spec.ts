import SwaggerParser from '@apidevtools/swagger-parser';
import { importPKCS8, SignJWT } from 'jose';
import request from 'supertest';
import { DevIssuer } from '@lianxin/auth';
import { DISTRICTS } from './support/scoped-upstream';
import {
  startGatewayUnderTest,
  TEST_AUDIENCE,
  TEST_ISSUER,
  type GatewayUnderTest,
} from './support/gateway-test-harness';

jest.setTimeout(60_000);

const TAOYUAN_MEMBER = '0190b000-0000-7000-8000-000000000003';
const XISHAN_MEMBER = '0190b000-0000-7000-8000-000000000004';

function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('gateway over HTTP (real Postgres, real upstream HTTP services)', () => {
  let gw: GatewayUnderTest;
  let issuer: DevIssuer;
  const claims = {
    sub: 'demo-taoyuan-district-admin',
    name: 'x',
    roles: ['district_admin'],
    scope: DISTRICTS.taoyuan.path,
    district_id: DISTRICTS.taoyuan.id,
  };

  beforeAll(async () => {
    gw = await startGatewayUnderTest({ IMPORT_BODY_LIMIT_BYTES: String(2 * 1024 * 1024) });
    issuer = await DevIssuer.create({
      issuer: TEST_ISSUER,
      audience: TEST_AUDIENCE,
      privateKeyPem: gw.keys.privateKeyPem,
    });
  });
  afterAll(() => gw.close());

  const api = () => request(gw.server);

  describe('tokens', () => {
    it('forwards a valid token unchanged, with correlation id and traceparent passed on and echoed', async () => {
      const token = await gw.token('taoyuan.district-admin');
      const res = await api()
        .get(`/api/v1/members/${TAOYUAN_MEMBER}`)
        .set('authorization', `Bearer ${token}`)
        .set('x-correlation-id', 'test-correlation-0001')
        .set('traceparent', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: TAOYUAN_MEMBER });
      expect(res.headers['x-correlation-id']).toBe('test-correlation-0001');
      expect(res.headers['traceparent']).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/);
      const seen = gw.upstreams.registry.received.find(
        (r) => r.headers['x-correlation-id'] === 'test-correlation-0001',
      );
      expect(seen?.headers.authorization).toBe(`Bearer ${token}`);
      expect(seen?.headers['traceparent']).toBe(res.headers['traceparent']);
    });

    it('tells callers nothing of upstream timing unless SERVER_TIMING is set', async () => {
      const res = await api()
        .get(`/api/v1/members/${TAOYUAN_MEMBER}`)
        .set('authorization', `Bearer ${await gw.token('taoyuan.district-admin')}`);
      expect(res.status).toBe(200);
      expect(res.headers['server-timing']).toBeUndefined();
    });

    it('answers 401 problem+json without a token', async () => {
      const res = await api().get('/api/v1/members').set('x-correlation-id', 'test-correlation-0002');
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 401, correlationId: 'test-correlation-0002' });
    });

    const forged: [string, () => Promise<string>][] = [
      [
        'alg none',
        () =>
          Promise.resolve(
            `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ ...claims, iss: TEST_ISSUER, aud: TEST_AUDIENCE, exp: Math.floor(Date.now() / 1000) + 600 })}.`,
          ),
      ],
      [
        'HS256 signed with the public key',
        () =>
          new SignJWT(claims)
            .setProtectedHeader({ alg: 'HS256' })
            .setIssuer(TEST_ISSUER)
            .setAudience(TEST_AUDIENCE)
            .setExpirationTime('10m')
            .sign(Buffer.from(gw.keys.publicKeyPem)),
      ],
      ['expired beyond the clock skew', () => issuer.sign(claims, { expiresInSec: -120 })],
      ['not yet valid beyond the clock skew', () => issuer.sign(claims, { notBeforeInSec: 120 })],
      ['wrong issuer', () => issuer.sign(claims, { issuer: 'someone-else' })],
      ['wrong audience', () => issuer.sign(claims, { audience: 'other-app' })],
      [
        'tampered payload',
        async () => {
          const [header, , signature] = (await issuer.sign(claims)).split('.');
          const widened = b64url({
            ...claims,
            scope: '/lx/',
            district_id: null,
            iss: TEST_ISSUER,
            aud: TEST_AUDIENCE,
            exp: Math.floor(Date.now() / 1000) + 600,
          });
          return `${header}.${widened}.${signature}`;
        },
      ],
      [
        'signed by another key',
        async () => {
          const other = await DevIssuer.create({ issuer: TEST_ISSUER, audience: TEST_AUDIENCE });
          return other.sign(claims);
        },
      ],
    ];

    it.each(forged)('rejects a token that is %s with 401', async (_name, make) => {
      const before = gw.upstreams.registry.received.length;
      const res = await api()
        .get('/api/v1/members')
        .set('authorization', `Bearer ${await make()}`);
      expect(res.status).toBe(401);
      expect(res.body.status).toBe(401);
      expect(gw.upstreams.registry.received.length).toBe(before);
    });

    it('accepts a token that expired within the clock skew allowance', async () => {
      const res = await api()
        .get('/api/v1/members')
        .set('authorization', `Bearer ${await issuer.sign(claims, { expiresInSec: -5 })}`);
      expect(res.status).toBe(200);
    });

    it('accepts a token signed in pkcs8 by the configured private key through jose directly', async () => {
      const key = await importPKCS8(gw.keys.privateKeyPem, 'RS256');
      const token = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256' })
        .setIssuer(TEST_ISSUER)
        .setAudience(TEST_AUDIENCE)
        .setExpirationTime('5m')
        .sign(key);
      expect((await api().get('/api/v1/members').set('authorization', `Bearer ${token}`)).status).toBe(200);
    });
  });

  describe('development issuer', () => {
    it('issues a token for a demo account that the gateway then accepts', async () => {
      const res = await api()
        .post('/api/v1/auth/token')
        .send({ username: 'xishan.township-admin', password: 'lianxin-demo' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 3600 });
      const list = await api()
        .get('/api/v1/visits')
        .set('authorization', `Bearer ${res.body.accessToken as string}`);
      expect(list.status).toBe(200);
    });

    it('rejects a wrong password with 401 and unknown fields with 400 naming the field', async () => {
      expect(
        (await api().post('/api/v1/auth/token').send({ username: 'xishan.township-admin', password: 'nope' }))
          .status,
      ).toBe(401);
      const res = await api()
        .post('/api/v1/auth/token')
        .send({ username: 'xishan.township-admin', password: 'lianxin-demo', admin: true });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.errors)).toContain('admin');
    });

    it('lists the demo accounts (one per role per district, plus a city admin) and serves the JWKS', async () => {
      const accounts = await api().get('/api/v1/auth/demo-accounts');
      expect(accounts.status).toBe(200);
      expect(accounts.body.accounts).toHaveLength(15);
      expect(accounts.body.password).toBe('lianxin-demo');
      const jwks = await api().get('/.well-known/jwks.json');
      expect(jwks.body.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    });
  });

  describe('authorisation before forwarding', () => {
    it('refuses a write the role may not do (auditor is read-only) without calling the service', async () => {
      const before = gw.upstreams.registry.received.length;
      const res = await api()
        .post('/api/v1/members')
        .set('authorization', `Bearer ${await gw.token('taoyuan.auditor')}`)
        .send({ orgPath: DISTRICTS.taoyuan.township, name: 'x' });
      expect(res.status).toBe(403);
      expect(gw.upstreams.registry.received.length).toBe(before);
    });

    it('refuses a body org path in another district with 403 before forwarding', async () => {
      const before = gw.upstreams.registry.received.length;
      const res = await api()
        .post('/api/v1/members')
        .set('authorization', `Bearer ${await gw.token('taoyuan.district-admin')}`)
        .send({ orgPath: DISTRICTS.xishan.township, name: 'x' });
      expect(res.status).toBe(403);
      expect(res.body.detail).toMatch(/outside your scope/);
      expect(gw.upstreams.registry.received.length).toBe(before);
    });

    it('refuses a query districtId of another district', async () => {
      const res = await api()
        .get(`/api/v1/members?districtId=${DISTRICTS.xishan.id}`)
        .set('authorization', `Bearer ${await gw.token('taoyuan.district-admin')}`);
      expect(res.status).toBe(403);
    });

    it('leaves rows addressed by id to the service, which hides other districts (404)', async () => {
      const res = await api()
        .get(`/api/v1/members/${XISHAN_MEMBER}`)
        .set('authorization', `Bearer ${await gw.token('taoyuan.district-admin')}`);
      expect(res.status).toBe(404);
    });

    it('answers 404 for paths no service owns and for operations the service does not declare', async () => {
      const token = await gw.token('taoyuan.district-admin');
      expect((await api().get('/api/v1/nothing-here').set('authorization', `Bearer ${token}`)).status).toBe(
        404,
      );
      expect(
        (await api().delete(`/api/v1/members/${TAOYUAN_MEMBER}`).set('authorization', `Bearer ${token}`))
          .status,
      ).toBe(404);
    });
  });

  describe('bodies', () => {
    it('answers 413 for a JSON body over 1 MiB', async () => {
      const res = await api()
        .post('/api/v1/members')
        .set('authorization', `Bearer ${await gw.token('taoyuan.district-admin')}`)
        .set('content-type', 'application/json')
        .send(JSON.stringify({ orgPath: DISTRICTS.taoyuan.township, name: 'x'.repeat(1024 * 1024 + 10) }));
      expect(res.status).toBe(413);
      expect(res.body.status).toBe(413);
    });

    it('answers 415 for a non-JSON body outside imports', async () => {
      const res = await api()
        .post('/api/v1/members')
        .set('authorization', `Bearer ${await gw.token('taoyuan.district-admin')}`)
        .set('content-type', 'text/plain')
        .send('hello');
      expect(res.status).toBe(415);
    });

    it('streams a CSV import larger than 1 MiB to the service', async () => {
      const csv = `name,phone\n${'张三,13800000000\n'.repeat(90_000)}`;
      expect(Buffer.byteLength(csv)).toBeGreaterThan(1024 * 1024);
      const res = await api()
        .post('/api/v1/imports')
        .set('authorization', `Bearer ${await gw.token('taoyuan.district-admin')}`)
        .set('content-type', 'text/csv')
        .send(csv);
      expect(res.status).toBe(202);
      expect(res.body).toEqual({ bytes: Buffer.byteLength(csv), contentType: 'text/csv' });
    });

    it('answers 413 for an import over the import limit', async () => {
      const res = await api()
        .post('/api/v1/imports')
        .set('authorization', `Bearer ${await gw.token('taoyuan.district-admin')}`)
        .set('content-type', 'text/csv')
        .send('x'.repeat(2 * 1024 * 1024 + 1));
      expect(res.status).toBe(413);
    });

    it('passes the idempotency key of a create through', async () => {
      const res = await api()
        .post('/api/v1/members')
        .set('authorization', `Bearer ${await gw.token('taoyuan.district-admin')}`)
        .set('idempotency-key', 'create-member-0001')
        .send({ orgPath: DISTRICTS.taoyuan.township, name: 'x' });
      expect(res.status).toBe(201);
      expect(
        gw.upstreams.registry.received.some((r) => r.headers['idempotency-key'] === 'create-member-0001'),
      ).toBe(true);
    });
  });

  describe('audit', () => {
    it('records a write with actor, scope, target ids, status and correlation id, readable by an auditor of that district only', async () => {
      const token = await gw.token('taoyuan.township-admin');
      const res = await api()
        .patch(`/api/v1/members/${TAOYUAN_MEMBER}`)
        .set('authorization', `Bearer ${token}`)
        .set('x-correlation-id', 'audit-correlation-0001')
        .send({ name: 'renamed' });
      expect(res.status).toBe(200);
      await gw.gateway.deps.auditTrail.drain();

      const auditor = await api()
        .get('/api/v1/audit?actorId=demo-taoyuan-township-admin&method=PATCH')
        .set('authorization', `Bearer ${await gw.token('taoyuan.auditor')}`);
      expect(auditor.status).toBe(200);
      const entry = (auditor.body.items as { correlationId: string }[]).find(
        (item) => item.correlationId === 'audit-correlation-0001',
      );
      expect(entry).toMatchObject({
        actorId: 'demo-taoyuan-township-admin',
        actorRole: 'township_admin',
        actorScope: DISTRICTS.taoyuan.township,
        districtId: DISTRICTS.taoyuan.id,
        method: 'PATCH',
        path: `/api/v1/members/${TAOYUAN_MEMBER}`,
        targetIds: [TAOYUAN_MEMBER],
        status: 200,
      });

      const outbox = await gw.db.ownerDataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM outbox WHERE topic = 'lianxin.gateway.audit.v1' AND payload->>'correlationId' = 'audit-correlation-0001'`,
      );
      expect(outbox[0]?.n).toBe(1);

      const otherDistrict = await api()
        .get('/api/v1/audit?actorId=demo-taoyuan-township-admin')
        .set('authorization', `Bearer ${await gw.token('xishan.auditor')}`);
      expect(otherDistrict.status).toBe(200);
      expect(otherDistrict.body.items).toEqual([]);
    });

    it('records refused writes too (403), and lets only permitted roles read the trail', async () => {
      await api()
        .post('/api/v1/members')
        .set('authorization', `Bearer ${await gw.token('xishan.member')}`)
        .set('x-correlation-id', 'audit-correlation-0002')
        .send({ orgPath: DISTRICTS.xishan.township, name: 'x' });
      await gw.gateway.deps.auditTrail.drain();
      const res = await api()
        .get('/api/v1/audit?status=403')
        .set('authorization', `Bearer ${await gw.token('xishan.district-admin')}`);
      expect(
        (res.body.items as { correlationId: string }[]).some(
          (item) => item.correlationId === 'audit-correlation-0002',
        ),
      ).toBe(true);
      expect(
        (
          await api()
            .get('/api/v1/audit')
            .set('authorization', `Bearer ${await gw.token('xishan.member')}`)
        ).status,
      ).toBe(403);
    });

    it('rejects unknown audit query fields with 400', async () => {
      const res = await api()
        .get('/api/v1/audit?actor=x')
        .set('authorization', `Bearer ${await gw.token('taoyuan.auditor')}`);
      expect(res.status).toBe(400);
    });
  });

  describe('OpenAPI and headers', () => {
    it('serves one merged document that a third-party validator accepts, every operation listing its errors', async () => {
      const res = await api().get('/openapi.json');
      expect(res.status).toBe(200);
      await expect(SwaggerParser.validate(structuredClone(res.body) as never)).resolves.toBeDefined();
      const paths = res.body.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
      expect(Object.keys(paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/audit',
          '/api/v1/auth/token',
          '/api/v1/members',
          '/api/v1/visits/{id}',
        ]),
      );
      expect(Object.keys(paths)).not.toContain('/health/live');
      for (const [path, item] of Object.entries(paths)) {
        for (const [method, operation] of Object.entries(item)) {
          const errors = Object.keys(operation.responses).filter((status) => Number(status) >= 400);
          expect({ path, method, hasErrors: errors.length > 0 }).toEqual({ path, method, hasErrors: true });
        }
      }
    });

    it('serves Swagger UI at /docs', async () => {
      expect([200, 301, 302]).toContain((await api().get('/docs')).status);
      const res = await api().get('/docs/');
      expect(res.status).toBe(200);
      expect(res.text).toContain('swagger-ui');
    });

    it('sets security headers', async () => {
      const res = await api().get('/api/v1/members');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toBeDefined();
      expect(res.headers['x-frame-options']).toBeDefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
    });

    it('allows CORS only for configured origins', async () => {
      const allowed = await api()
        .options('/api/v1/members')
        .set('origin', 'https://admin.lianxin.example')
        .set('access-control-request-method', 'GET');
      expect(allowed.status).toBe(204);
      expect(allowed.headers['access-control-allow-origin']).toBe('https://admin.lianxin.example');
      const denied = await api()
        .options('/api/v1/members')
        .set('origin', 'https://evil.example')
        .set('access-control-request-method', 'GET');
      expect(denied.status).toBe(403);
      expect(denied.headers['access-control-allow-origin']).toBeUndefined();
      const simple = await api().get('/api/v1/members').set('origin', 'https://evil.example');
      expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});
