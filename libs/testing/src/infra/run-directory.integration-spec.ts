import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ProcessRegistryFile,
  childExited,
  isProcessAlive,
  readProcessStartTime,
} from '@lianxin/platform-runtime';
import { testRunDir } from '../config/harness-env';
import { REGISTRIES, TEST_ROOT, reapStaleRuns } from './run-directory';

describe('reapStaleRuns', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
  });

  it('ends what a Jest run killed with -9 left running and deletes its directory', async () => {
    // A "Jest main process" that has since died, and the broker it had started, still running.
    const jest = spawn('true', [], { stdio: 'ignore' });
    const jestPid = jest.pid ?? -1;
    await childExited(jest);
    const broker = spawn('sleep', ['30'], { stdio: 'ignore' });
    children.push(broker);
    const brokerPid = broker.pid ?? -1;

    const runDir = join(TEST_ROOT, `run-${jestPid}-spec${Date.now()}`);
    mkdirSync(join(runDir, REGISTRIES), { recursive: true });
    const registry: ProcessRegistryFile = {
      owner: { pid: jestPid, startTime: '1' },
      children: [
        { name: 'kafka', pid: brokerPid, startTime: readProcessStartTime(brokerPid), signal: 'SIGTERM' },
      ],
    };
    writeFileSync(join(runDir, REGISTRIES, 'run.json'), JSON.stringify(registry));

    expect(await reapStaleRuns()).toContain(runDir);
    expect(isProcessAlive(brokerPid)).toBe(false);
    expect(existsSync(runDir)).toBe(false);
  });

  it('leaves the directory of a run in progress alone', async () => {
    expect(await reapStaleRuns()).not.toContain(testRunDir());
    expect(existsSync(testRunDir())).toBe(true);
  });
});
