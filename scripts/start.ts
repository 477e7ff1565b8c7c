// `npm start` — the whole platform on this machine, from a fresh clone (after `npm install`):
// embedded Postgres, the dev broker and every service under services/, demo data loaded once.
// Data is kept in .lianxin/ across restarts; `npm start -- --reset` starts from empty.
// Ctrl-C (or SIGTERM) stops everything; nothing is left running.
//
//   npm start -- [--reset] [--data DIR] [--services a,b] [--log-level debug|info|warn|error]
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  DataDirInUseError,
  PlatformRunningError,
  PortInUseError,
  type RunningPlatform,
  startPlatform,
} from '@lianxin/platform-runtime';
import { printDemoAccounts } from './start/demo-accounts';
import { printSummary } from './start/summary';

const WORKSPACE_ROOT = resolve(__dirname, '..');

function parseCli(): { reset: boolean; dataDir: string; services?: string[]; logLevel: string } {
  const { values } = parseArgs({
    options: {
      reset: { type: 'boolean', default: false },
      data: { type: 'string', default: '.lianxin' },
      services: { type: 'string' },
      'log-level': { type: 'string', default: 'info' },
    },
  });
  return {
    reset: values.reset ?? false,
    dataDir: resolve(WORKSPACE_ROOT, values.data ?? '.lianxin'),
    services: values.services?.split(',').map((name) => name.trim()),
    logLevel: values['log-level'] ?? 'info',
  };
}

function oneLine(error: unknown): string {
  if (error instanceof PortInUseError) return `${error.message} (see \`ss -ltnp 'sport = :${error.port}'\`)`;
  if (error instanceof PlatformRunningError || error instanceof DataDirInUseError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

async function main(): Promise<void> {
  const cli = parseCli();
  // Postgres is chatty (initdb steps, checkpoints): show its problems only, unless debugging.
  const verbosePostgres = cli.logLevel === 'debug';
  const log = (line: string): void => {
    if (!verbosePostgres && line.startsWith('[postgres]')) {
      if (!/WARNING|ERROR|FATAL|PANIC/.test(line)) return;
      // On Ctrl-C the terminal signals postgres too; its goodbye to open connections is expected.
      if (line.includes('terminating connection due to administrator command')) return;
    }
    process.stdout.write(`${line}\n`);
  };

  // Filled once started; the signal handler (registered before) reads it.
  const running: { platform?: RunningPlatform } = {};
  let stopRequested = false;
  let stopping: Promise<void> | undefined;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) {
      log(`[lianxin] ${signal}: still stopping…`);
      return;
    }
    stopRequested = true;
    const platform = running.platform;
    if (!platform) {
      // Still starting: the children got the terminal's SIGINT too and startPlatform cleans up.
      log(`[lianxin] ${signal}: stopping after the current step…`);
      return;
    }
    log(`[lianxin] ${signal}: stopping…`);
    stopping = platform.stop().then(() => {
      log('[lianxin] stopped; nothing left running.');
      process.exit(0);
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  log(`[lianxin] starting (data in ${cli.dataDir}${cli.reset ? ', reset' : ''})…`);
  const platform = await startPlatform({
    workspaceRoot: WORKSPACE_ROOT,
    dataDir: cli.dataDir,
    reset: cli.reset,
    services: cli.services,
    env: process.env,
    log,
    logLevel: cli.logLevel,
  }).catch((error: unknown) => {
    // Ctrl-C while starting reaches the children too, so a step fails; startPlatform has already
    // stopped everything it started. That is the requested outcome, not an error to report.
    if (stopRequested) {
      log('[lianxin] stopped during startup; nothing left running.');
      process.exit(0);
    }
    throw error;
  });
  running.platform = platform;
  if (stopRequested) {
    // A signal arrived while starting: stop what came up instead of announcing it.
    await platform.stop();
    log('[lianxin] stopped; nothing left running.');
    process.exit(0);
  }
  printSummary(platform, log);
  await printDemoAccounts(platform, log);
  log('\nPress Ctrl-C to stop.');
}

main().catch((error: unknown) => {
  process.stderr.write(`[lianxin] ${oneLine(error)}\n`);
  process.exit(1);
});
