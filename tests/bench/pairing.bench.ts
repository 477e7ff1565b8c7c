// `npm run bench:pairing`: runs the pairing-visits benchmark in its own process (the bench lives
// with the service, which tests/ may not import) and passes its JSON through.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const result = spawnSync(
  process.execPath,
  ['-r', '@swc-node/register', join(root, 'services/pairing-visits/bench/pairing-bench.ts')],
  {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  },
);
process.exitCode = result.status ?? 1;
