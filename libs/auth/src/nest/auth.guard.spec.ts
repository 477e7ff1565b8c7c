import { Controller, Get, Module, Post, type INestApplication } from '@nestjs/common';
import request from 'supertest';
import { z } from 'zod';
import { ApiRoute, createHttpApp, Public, ZodBody } from '@lianxin/platform-http';
import { createLogger } from '@lianxin/platform-telemetry';
import type { Actor } from '../actor/actor';
import { signTestToken, testVerifierOptions } from '../tokens/test-tokens';
import { AuthModule } from './auth.module';
import { CurrentActor } from './current-actor.decorator';
import { RequirePermission } from './require-permission.decorator';

const newMember = z.strictObject({ name: z.string() });

@Controller('api/v1/members')
class MembersController {
  @Get('me')
  me(@CurrentActor() actor: Actor): { id: string; scope: string } {
    return { id: actor.id, scope: actor.scope };
  }

  @Get()
  @RequirePermission('registry.member.read')
  list(): string[] {
    return [];
  }

  @Post()
  @ApiRoute({ summary: 'Register a member', action: 'registry.member.write', responses: { 201: newMember } })
  create(@ZodBody(newMember) body: z.infer<typeof newMember>): z.infer<typeof newMember> {
    return body;
  }

  @Public()
  @Get('public-count')
  count(): { count: number } {
    return { count: 0 };
  }
}

describe('AuthGuard', () => {
  let app: INestApplication;

  beforeAll(async () => {
    @Module({
      imports: [AuthModule.forRoot({ verifier: await testVerifierOptions() })],
      controllers: [MembersController],
    })
    class TestModule {}
    app = await createHttpApp(TestModule, {
      serviceName: 'auth-test',
      logger: createLogger('auth-test', { level: 'silent' }),
    });
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers a request without a token with a 401 problem', async () => {
    const res = await request(app.getHttpServer()).get('/api/v1/members/me');
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.body).toMatchObject({ type: 'urn:lianxin:problem:unauthorized', status: 401 });
  });

  it('answers a malformed or invalid token with 401', async () => {
    const bad = await request(app.getHttpServer())
      .get('/api/v1/members/me')
      .set('authorization', 'Bearer nope');
    expect(bad.status).toBe(401);
    const basic = await request(app.getHttpServer())
      .get('/api/v1/members/me')
      .set('authorization', 'Basic dXNlcjpwYXNz');
    expect(basic.status).toBe(401);
  });

  it('gives the handler the verified actor', async () => {
    const token = await signTestToken({ id: 'u-1', scope: '/lx/xishan/' });
    const res = await request(app.getHttpServer())
      .get('/api/v1/members/me')
      .set('authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: 'u-1', scope: '/lx/xishan/' });
  });

  it('enforces @RequirePermission with a 403 problem', async () => {
    const member = await signTestToken({ roles: ['member'] });
    const denied = await request(app.getHttpServer())
      .get('/api/v1/members')
      .set('authorization', `Bearer ${member}`);
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ type: 'urn:lianxin:problem:forbidden', status: 403 });
    const admin = await signTestToken({ roles: ['district_admin'] });
    const allowed = await request(app.getHttpServer())
      .get('/api/v1/members')
      .set('authorization', `Bearer ${admin}`);
    expect(allowed.status).toBe(200);
  });

  it('enforces the action declared in @ApiRoute', async () => {
    const auditor = await signTestToken({ roles: ['auditor'] });
    const res = await request(app.getHttpServer())
      .post('/api/v1/members')
      .set('authorization', `Bearer ${auditor}`)
      .send({ name: 'x' });
    expect(res.status).toBe(403);
  });

  it('checks the token before validating the body', async () => {
    const res = await request(app.getHttpServer()).post('/api/v1/members').send({ unknown: 1 });
    expect(res.status).toBe(401);
  });

  it('lets @Public() routes and platform endpoints through without a token', async () => {
    expect((await request(app.getHttpServer()).get('/api/v1/members/public-count')).status).toBe(200);
    expect((await request(app.getHttpServer()).get('/health/live')).status).toBe(200);
    expect((await request(app.getHttpServer()).get('/health/ready')).status).toBe(200);
    expect((await request(app.getHttpServer()).get('/metrics')).status).toBe(200);
    expect((await request(app.getHttpServer()).get('/openapi.json')).status).toBe(200);
  });
});

describe('AuthModule start-up', () => {
  it('refuses to start when a route names an action missing from the matrix', async () => {
    @Controller('api/v1/typos')
    class TyposController {
      @Get()
      @ApiRoute({ summary: 'typo', action: 'registry.membr.read', responses: { 200: null } })
      list(): string[] {
        return [];
      }
    }
    @Module({
      imports: [AuthModule.forRoot({ verifier: await testVerifierOptions() })],
      controllers: [TyposController],
    })
    class TypoModule {}
    await expect(
      createHttpApp(TypoModule, { serviceName: 'typo', logger: createLogger('typo', { level: 'silent' }) }),
    ).rejects.toThrow(/TyposController.list: registry.membr.read is missing/);
  });
});

describe('x-lianxin-action', () => {
  it('is published for routes guarded with @RequirePermission only', async () => {
    @Module({
      imports: [AuthModule.forRoot({ verifier: await testVerifierOptions() })],
      controllers: [MembersController],
    })
    class DocModule {}
    const app = await createHttpApp(DocModule, {
      serviceName: 'doc',
      logger: createLogger('doc', { level: 'silent' }),
    });
    try {
      const doc = (await request(app.getHttpServer()).get('/openapi.json')).body as {
        paths: Record<string, Record<string, { 'x-lianxin-action'?: string }>>;
      };
      expect(doc.paths['/api/v1/members']?.['get']?.['x-lianxin-action']).toBe('registry.member.read');
      expect(doc.paths['/api/v1/members']?.['post']?.['x-lianxin-action']).toBe('registry.member.write');
      expect(doc.paths['/api/v1/members/me']?.['get']?.['x-lianxin-action']).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});
