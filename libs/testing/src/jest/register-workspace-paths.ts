// Jest loads globalSetup/globalTeardown with Node's own require (transpiled, but without the
// moduleNameMapper the test files get), so `@lianxin/*` aliases would not resolve there. Register
// the workspace's tsconfig paths for this process before anything imports an alias.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { register } from 'tsconfig-paths';
import { WORKSPACE_ROOT } from '../infra/workspace-root';

interface TsconfigBase {
  compilerOptions: { paths: Record<string, string[]> };
}

const { compilerOptions } = JSON.parse(
  readFileSync(join(WORKSPACE_ROOT, 'tsconfig.base.json'), 'utf8'),
) as TsconfigBase;
register({ baseUrl: WORKSPACE_ROOT, paths: compilerOptions.paths });
