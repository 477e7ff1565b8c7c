import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * `helm` cannot be installed on our machines; `shared/tools/helmlite` renders charts with Helm's
 * own template engine. This finds a built copy or builds one (Go and Sprig come from Debian; CI
 * installs them in `.ci/run`). Returns undefined when it can't be had, so the caller can skip
 * visibly instead of failing on a machine without Go.
 */
export function findHelmlite(repoRoot: string): string | undefined {
  const fromEnv = process.env['HELMLITE'];
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  if (spawnSync('helm', ['version'], { stdio: 'ignore' }).status === 0) return 'helm';

  const built = path.join(repoRoot, 'node_modules', '.cache', 'lianxin', 'helmlite');
  if (existsSync(built)) return built;
  const buildScript = path.resolve(repoRoot, '..', 'shared', 'tools', 'helmlite', 'build.sh');
  const haveGo = spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;
  const haveSprig = existsSync('/usr/share/gocode/src/github.com/Masterminds/sprig');
  if (!existsSync(buildScript) || !haveGo || !haveSprig) return undefined;
  mkdirSync(path.dirname(built), { recursive: true });
  execFileSync('bash', [buildScript, built], { stdio: 'ignore' });
  return built;
}

export interface RenderResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function renderChart(helmlite: string, chartDir: string, args: readonly string[]): RenderResult {
  const result = spawnSync(helmlite, ['template', 'lx', chartDir, '-n', 'lianxin', ...args], {
    encoding: 'utf8',
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
