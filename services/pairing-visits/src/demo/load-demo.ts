// CLI: loads the demo data once (`npm start` runs it after the registry's demo data). Idempotent.
import { createDataSource } from '@lianxin/platform-persistence';
import { loadPairingConfig } from '../config/pairing-config';
import { PAIRING_ENTITIES } from '../database/entities';
import { DemoLoader } from './demo-loader';

async function main(): Promise<void> {
  const config = loadPairingConfig();
  const dataSource = createDataSource({
    url: config.DATABASE_URL,
    name: 'pairing-visits-demo',
    entities: PAIRING_ENTITIES,
    poolSize: 5,
  });
  await dataSource.initialize();
  try {
    const loader = new DemoLoader(dataSource, new Date(), (line) => process.stdout.write(`${line}\n`));
    // The registry's roster reaches us as events: wait until the projections have caught up.
    if (!(await loader.waitForProjections(180_000))) {
      process.stdout.write('[demo] pairing-visits: no registry demo roster arrived; nothing loaded\n');
      return;
    }
    const summary = await loader.load();
    process.stdout.write(`[demo] pairing-visits: ${JSON.stringify(summary)}\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `pairing-visits demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
