import { Kafka, logLevel } from 'kafkajs';
import { isProcessAlive } from '@lianxin/platform-runtime';
import { uniqueTopicPrefix } from '../ids';
import { startTestBroker } from './start-test-broker';

jest.setTimeout(60_000);

async function produce(brokers: string[], topic: string, value: string): Promise<void> {
  const producer = new Kafka({ brokers, clientId: 'fault', logLevel: logLevel.NOTHING }).producer();
  await producer.connect();
  await producer.send({ topic, acks: -1, messages: [{ value }] });
  await producer.disconnect();
}

async function latestOffset(brokers: string[], topic: string): Promise<string | undefined> {
  // No retries: against a dead broker the call should fail now, not after kafkajs's backoff.
  const kafka = new Kafka({ brokers, clientId: 'fault', logLevel: logLevel.NOTHING, retry: { retries: 0 } });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [partition] = await admin.fetchTopicOffsets(topic);
    return partition?.high;
  } finally {
    await admin.disconnect();
  }
}

describe('startTestBroker', () => {
  it('is a child process that can be killed with -9 and restarted on the same port, keeping acknowledged data', async () => {
    const broker = await startTestBroker({ args: ['--fsync', 'batch'] });
    const topic = `${uniqueTopicPrefix()}fault.v1`;
    try {
      await produce(broker.brokers, topic, 'before the crash');
      await broker.kill();
      await expect(latestOffset(broker.brokers, topic)).rejects.toThrow();

      await broker.restart();
      expect(await latestOffset(broker.brokers, topic)).toBe('1');
    } finally {
      await broker.stop();
    }
  });

  it('stops its process on stop()', async () => {
    const broker = await startTestBroker();
    const pids = await import('node:child_process').then(({ execFileSync }) =>
      execFileSync('pgrep', ['-f', broker.dataDir]).toString().trim().split('\n').map(Number),
    );
    await broker.stop();
    expect(pids.filter((pid) => isProcessAlive(pid))).toEqual([]);
  });
});
