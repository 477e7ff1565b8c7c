import * as net from 'node:net';
import { startBroker } from '../src';
import { CollectingLogger, kafkaFor, tempDir, uniqueName } from './support/broker-fixture';

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('broker lifecycle', () => {
  it('picks a free port for port 0, refuses a second broker on the same data directory, and keeps topics across restarts', async () => {
    const dataDir = tempDir();
    const logger = new CollectingLogger();
    const first = await startBroker({ port: 0, dataDir, logger });
    expect(first.port).toBeGreaterThan(0);
    expect(first.brokers).toBe(`127.0.0.1:${first.port}`);
    await expect(startBroker({ port: 0, dataDir, logger })).rejects.toThrow(/in use by process/);

    const topic = uniqueName('life');
    const admin = kafkaFor(first.brokers).admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 5 }] });
    await admin.disconnect();
    await first.stop();
    expect(await canConnect(first.port)).toBe(false);

    const second = await startBroker({ port: 0, dataDir, logger });
    const admin2 = kafkaFor(second.brokers).admin();
    await admin2.connect();
    const metadata = await admin2.fetchTopicMetadata({ topics: [topic] });
    expect(metadata.topics[0]?.partitions).toHaveLength(5);
    await admin2.disconnect();
    await second.stop();
  });

  it('rejects invalid options with a message naming the option', async () => {
    await expect(startBroker({ port: 0, dataDir: '' })).rejects.toThrow(/dataDir is required/);
    await expect(startBroker({ port: 0, dataDir: tempDir(), defaultPartitions: 0 })).rejects.toThrow(
      /defaultPartitions/,
    );
  });
});
