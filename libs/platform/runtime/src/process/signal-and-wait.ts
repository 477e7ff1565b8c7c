// Stops a process we do not necessarily own as a child (a stale postgres, a broker left by a killed
// test run): polite signal first, SIGKILL after a timeout, then wait until the pid is gone.
import { isProcessAlive } from './process-info';

const POLL_MS = 50;

export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return true;
}

function trySignal(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone between the check and the signal: that is the outcome we want.
  }
}

export async function terminateProcess(
  pid: number,
  { signal = 'SIGTERM', timeoutMs = 10_000 }: { signal?: NodeJS.Signals; timeoutMs?: number } = {},
): Promise<void> {
  if (!isProcessAlive(pid)) return;
  trySignal(pid, signal);
  if (await waitForExit(pid, timeoutMs)) return;
  trySignal(pid, 'SIGKILL');
  await waitForExit(pid, 5_000);
}
