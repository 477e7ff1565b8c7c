// A relay in a process of its own, so a test can kill it with SIGKILL mid-publish.
// Usage: node -r @swc-node/register relay-child.ts <databaseUrl> <brokers> <batchSize>
import { createIdempotentProducer, createKafka } from '@lianxin/platform-messaging';
import { createDataSource } from '../data-source/create-data-source';
import { OutboxRelay } from '../relay/outbox-relay';

async function main(): Promise<void> {
  const [url, brokers, batchSize] = process.argv.slice(2);
  if (!url || !brokers || !batchSize)
    throw new Error('usage: relay-child <databaseUrl> <brokers> <batchSize>');
  const dataSource = createDataSource({ url, name: 'relay-child', poolSize: 2 });
  await dataSource.initialize();
  const producer = await createIdempotentProducer(
    createKafka({ brokers: brokers.split(','), clientId: 'relay-child', logLevel: 'nothing' }),
  );
  const relay = new OutboxRelay({ dataSource, producer, batchSize: Number(batchSize), pollMs: 50 });
  await relay.start();
  process.stdout.write('relay started\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
