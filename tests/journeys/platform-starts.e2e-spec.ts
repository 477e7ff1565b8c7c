import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { isProcessAlive } from '@lianxin/platform-runtime';
import { startTestPlatform, type TestPlatform } from '@lianxin/testing';

// Startup compiles each service with SWC on two shared cores; the budget is ~60 s.
jest.setTimeout(90_000);

async function postgresAnswers(adminUrl: string): Promise<boolean> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ ok: number }>('SELECT 1 AS ok');
    return rows[0]?.ok === 1;
  } finally {
    await client.end();
  }
}

async function brokerAnswers(brokers: string): Promise<boolean> {
  // No retries: once stopped, the broker should be refused at once rather than after a backoff.
  const kafka = new Kafka({
    clientId: 'journey',
    brokers: [brokers],
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    return Array.isArray(await admin.listTopics());
  } finally {
    await admin.disconnect();
  }
}

describe('the platform', () => {
  let platform: TestPlatform | undefined;

  afterAll(async () => {
    await platform?.stop();
  });

  it('starts Postgres, the broker and every service found on disk, reports each ready, and stops leaving nothing running', async () => {
    platform = await startTestPlatform();
    const started = platform;

    expect(await postgresAnswers(started.postgres.adminUrl)).toBe(true);
    expect(await brokerAnswers(started.kafka.brokers)).toBe(true);
    if (started.services.length === 0) {
      console.warn(
        'platform-starts: no service has a src/main.ts yet — checked Postgres and the broker only',
      );
    }
    for (const service of started.services) {
      const response = await fetch(`${service.url}/health/ready`);
      expect({ service: service.name, status: response.status }).toEqual({
        service: service.name,
        status: 200,
      });
    }

    const pids = [started.postgres.pid, started.kafka.pid, ...started.services.map((service) => service.pid)];
    await started.stop();
    platform = undefined;
    expect(pids.filter((pid) => isProcessAlive(pid))).toEqual([]);
    await expect(postgresAnswers(started.postgres.adminUrl)).rejects.toThrow();
    await expect(brokerAnswers(started.kafka.brokers)).rejects.toThrow();
  });
});
