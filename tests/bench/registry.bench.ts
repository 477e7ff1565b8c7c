// `npm run bench:registry`: runs the member registry's benchmark in its own process (the bench
// lives with the service, which tests/ may not import) and passes its JSON through.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const result = spawnSync(
  process.execPath,
  // --expose-gc: the bench collects garbage once before taking its memory baseline.
  ['--expose-gc', '-r', '@swc-node/register', join(root, 'services/member-registry/bench/registry-bench.ts')],
  {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  },
);
process.exitCode = result.status ?? 1;
