import { Controller, Module, Post, type INestApplication } from '@nestjs/common';
import request from 'supertest';
import { z } from 'zod';
import { createLogger } from '@lianxin/platform-telemetry';
import { createHttpApp } from '../app/create-http-app';
import { BusinessRuleError } from '../errors/domain-errors';
import { ZodBody } from '../validation/zod-decorators';
import { Idempotent } from './idempotent.decorator';
import { InMemoryIdempotencyStore } from './in-memory-idempotency-store';

const CreatePledge = z.strictObject({ title: z.string() });
let created = 0;

@Controller('api/v1/pledges')
class PledgesController {
  @Post()
  @Idempotent()
  create(@ZodBody(CreatePledge) body: z.infer<typeof CreatePledge>): { id: number; title: string } {
    if (body.title === 'fail') throw new BusinessRuleError('not today');
    created += 1;
    return { id: created, title: body.title };
  }
}

@Module({ controllers: [PledgesController] })
class PledgesModule {}

describe('@Idempotent()', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createHttpApp(PledgesModule, {
      serviceName: 'idem',
      logger: createLogger('idem', { level: 'silent' }),
      idempotencyStore: new InMemoryIdempotencyStore(),
    });
  });
  afterAll(async () => {
    await app.close();
  });

  const post = (body: object, key?: string): request.Test => {
    const req = request(app.getHttpServer()).post('/api/v1/pledges').send(body);
    return key ? req.set('idempotency-key', key) : req;
  };

  it('replays the first response for the same key and body', async () => {
    const first = await post({ title: 'clean the well' }, 'key-a').expect(201);
    const again = await post({ title: 'clean the well' }, 'key-a').expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('runs again without a key or with a new key', async () => {
    const a = await post({ title: 'x' }).expect(201);
    const b = await post({ title: 'x' }).expect(201);
    const c = await post({ title: 'x' }, 'key-b').expect(201);
    expect(new Set([a.body.id, b.body.id, c.body.id]).size).toBe(3);
  });

  it('rejects the same key with a different body with 422', async () => {
    await post({ title: 'one' }, 'key-c').expect(201);
    const res = await post({ title: 'two' }, 'key-c').expect(422);
    expect(res.body).toMatchObject({ rule: 'idempotency-key-reused' });
  });

  it('forgets a key whose request failed so the client can retry', async () => {
    await post({ title: 'fail' }, 'key-d').expect(422);
    const retry = await post({ title: 'fail' }, 'key-d').expect(422);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
  });

  it('rejects a malformed key', async () => {
    const res = await post({ title: 'x' }, 'has spaces in it').expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'idempotency-key' })]);
  });
});
