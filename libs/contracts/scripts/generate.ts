// Regenerates docs/asyncapi.yaml and checks (or, with --update-snapshots, refreshes) the schema
// snapshots. Usage: npm run contracts:generate [-- --update-snapshots] [-- --check]
//   --check             write nothing; exit 1 if the document or any snapshot is not current
//   --update-snapshots  write new and compatibly-changed snapshots; breaking changes are refused
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { type EventDefinition } from '../src/envelope/event-definition';
import { ALL_EVENTS, catalogueProblems } from '../src/catalogue/catalogue';
import { renderAsyncApiYaml } from '../src/tooling/asyncapi';
import {
  compareWithSnapshots,
  describeReport,
  readSnapshots,
  renderSnapshot,
  SNAPSHOT_DIR,
  snapshotFileName,
  snapshotOf,
  snapshotsToWrite,
} from '../src/tooling/snapshots';

export const ASYNCAPI_PATH = join(__dirname, '..', '..', '..', 'docs', 'asyncapi.yaml');

async function main(argv: readonly string[]): Promise<number> {
  const check = argv.includes('--check');
  const update = argv.includes('--update-snapshots');
  const root = process.cwd();

  const problems = catalogueProblems();
  if (problems.length > 0) {
    for (const problem of problems) console.error(`catalogue: ${problem}`);
    return 1;
  }

  const report = compareWithSnapshots(ALL_EVENTS as readonly EventDefinition[], readSnapshots());
  for (const line of describeReport(report)) console.log(line);
  const breaking = report.breaking.length > 0 || report.removed.length > 0;
  const stale = snapshotsToWrite(report);

  if (update && !check) {
    mkdirSync(SNAPSHOT_DIR, { recursive: true });
    for (const event of stale) {
      const file = join(SNAPSHOT_DIR, snapshotFileName(event.type, event.version));
      // Formatted like the rest of the tree, so `npm run format` never rewrites a snapshot.
      const options = (await resolveConfig(file)) ?? {};
      writeFileSync(file, await format(renderSnapshot(snapshotOf(event)), { ...options, filepath: file }));
      console.log(`wrote ${relative(root, file)}`);
    }
  }

  const yaml = renderAsyncApiYaml();
  const current = existsSync(ASYNCAPI_PATH) ? readFileSync(ASYNCAPI_PATH, 'utf8') : '';
  let documentStale = false;
  if (current !== yaml) {
    if (check) documentStale = true;
    else if (breaking) console.error('not writing docs/asyncapi.yaml: fix the breaking changes first');
    else {
      writeFileSync(ASYNCAPI_PATH, yaml);
      console.log(`wrote ${relative(root, ASYNCAPI_PATH)}`);
    }
  }

  if (breaking) {
    console.error(
      'Breaking change within a major version. Keep the old version and add a new one (see libs/contracts/README.md); snapshots were not overwritten.',
    );
    return 1;
  }
  if (stale.length > 0 && !update) {
    console.error('Snapshots are not current: run `npm run contracts:generate -- --update-snapshots`.');
    return 1;
  }
  if (documentStale) {
    console.error('docs/asyncapi.yaml is out of date: run `npm run contracts:generate`.');
    return 1;
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
