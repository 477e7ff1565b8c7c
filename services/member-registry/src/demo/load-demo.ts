import { createDataSource } from '@lianxin/platform-persistence';
import { loadDemoConfig } from '../config/registry-config';
import { PiiCipher } from '../shared/infrastructure/pii-cipher';
import { loadDemoData } from './demo-loader';
import { DEMO_REFERENCE_DATE } from './demo-dataset';

// CLI: loads the demo data once (idempotent). Connects as the app role: demo data goes through
// row-level security like everything else, under the system scope.
async function main(): Promise<void> {
  const config = loadDemoConfig();
  const dataSource = createDataSource({
    url: config.DATABASE_URL,
    name: 'member-registry-demo',
    poolSize: 1,
  });
  await dataSource.initialize();
  try {
    const started = Date.now();
    const result = await loadDemoData(dataSource, new PiiCipher(config.PII_ENCRYPTION_KEY));
    process.stdout.write(
      `${JSON.stringify({ service: 'member-registry', demo: result.loaded ? 'loaded' : 'already present', referenceDate: DEMO_REFERENCE_DATE, ...result, ms: Date.now() - started })}\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`demo load failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
