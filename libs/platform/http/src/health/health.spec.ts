import { Module, type INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createLogger } from '@lianxin/platform-telemetry';
import { createHttpApp } from '../app/create-http-app';
import { kafkaReadiness, postgresReadiness } from './readiness';

@Module({})
class EmptyModule {}

describe('health endpoints', () => {
  let healthy = true;
  let app: INestApplication;
  const queries: string[] = [];

  beforeAll(async () => {
    app = await createHttpApp(EmptyModule, {
      serviceName: 'health-test',
      logger: createLogger('health-test', { level: 'silent' }),
      readinessTimeoutMs: 100,
      readinessChecks: {
        postgres: postgresReadiness({ query: (sql) => Promise.resolve(void queries.push(sql)) }),
        kafka: kafkaReadiness({
          describeCluster: () =>
            healthy ? Promise.resolve({}) : Promise.reject(new Error('ECONNREFUSED 10.1.2.3')),
        }),
        slow: () => (healthy ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, 1000))),
      },
    });
  });
  afterAll(async () => {
    await app.close();
  });

  it('reports live without running checks', async () => {
    const res = await request(app.getHttpServer()).get('/health/live').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('is ready when every check passes', async () => {
    healthy = true;
    const res = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(res.body).toEqual({ status: 'ok', checks: { postgres: 'ok', kafka: 'ok', slow: 'ok' } });
    expect(queries).toContain('SELECT 1');
  });

  it('answers 503 naming failed and timed-out checks, without their error messages', async () => {
    healthy = false;
    const res = await request(app.getHttpServer()).get('/health/ready').expect(503);
    expect(res.body).toEqual({
      status: 'unavailable',
      checks: { postgres: 'ok', kafka: 'failed', slow: 'timeout' },
    });
    expect(JSON.stringify(res.body)).not.toContain('10.1.2.3');
  });
});
