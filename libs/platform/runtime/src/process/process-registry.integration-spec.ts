import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isProcessAlive, readProcessStartTime } from './process-info';
import { type ProcessRegistryFile, ProcessRegistry, reapStaleProcesses } from './process-registry';
import { childExited } from './spawn-logged';

function sleeper(): ChildProcess {
  return spawn('sleep', ['30'], { stdio: 'ignore' });
}

/** The identity of a process that has already exited: an owner killed long ago. */
async function deadOwner(): Promise<{ pid: number; startTime: string | null }> {
  const child = spawn('true', [], { stdio: 'ignore' });
  const pid = child.pid ?? -1;
  await childExited(child);
  return { pid, startTime: '1' };
}

describe('reapStaleProcesses', () => {
  let dir: string;
  const children: ChildProcess[] = [];
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'lianxin-registry-spec-'))));
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('ends the recorded children of an owner that is gone, and deletes the registry', async () => {
    const orphan = sleeper();
    children.push(orphan);
    const pid = orphan.pid ?? -1;
    const file = join(dir, 'processes.json');
    const registry: ProcessRegistryFile = {
      owner: await deadOwner(),
      children: [{ name: 'orphan', pid, startTime: readProcessStartTime(pid), signal: 'SIGTERM' }],
    };
    writeFileSync(file, JSON.stringify(registry));

    expect(await reapStaleProcesses(file)).toEqual({ kind: 'reaped', names: [`orphan (pid ${pid})`] });
    expect(isProcessAlive(pid)).toBe(false);
    expect(existsSync(file)).toBe(false);
  });

  it('never signals a pid whose start time differs (the pid was reused by another program)', async () => {
    const bystander = sleeper();
    children.push(bystander);
    const pid = bystander.pid ?? -1;
    const file = join(dir, 'processes.json');
    const registry: ProcessRegistryFile = {
      owner: await deadOwner(),
      children: [{ name: 'old', pid, startTime: '1', signal: 'SIGKILL' }],
    };
    writeFileSync(file, JSON.stringify(registry));

    expect(await reapStaleProcesses(file)).toEqual({ kind: 'none' });
    expect(isProcessAlive(pid)).toBe(true);
  });

  it('leaves everything alone while the owner is alive', async () => {
    const owner = sleeper();
    children.push(owner);
    const ownerPid = owner.pid ?? -1;
    const file = join(dir, 'processes.json');
    const registry = new ProcessRegistry(file, { pid: ownerPid, startTime: readProcessStartTime(ownerPid) });
    registry.add('something', ownerPid);

    expect(await reapStaleProcesses(file)).toEqual({ kind: 'owner-alive', ownerPid });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ owner: { pid: ownerPid } });
  });
});
