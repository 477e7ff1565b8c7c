// Waits until a child's HTTP endpoint answers 2xx (e.g. /health/ready). Fails early, with the exit
// code, when the child dies first, instead of waiting out the whole timeout.
import { type ChildProcess } from 'node:child_process';
import { childExited } from './spawn-logged';

export interface WaitForHttpOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** When given, stop waiting as soon as this process exits. */
  child?: ChildProcess;
}

async function answersOk(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

export async function waitForHttp(url: string, options: WaitForHttpOptions = {}): Promise<void> {
  const { timeoutMs = 60_000, intervalMs = 200, child } = options;
  const deadline = Date.now() + timeoutMs;
  let died = false;
  if (child) void childExited(child).then(() => (died = true));
  while (Date.now() < deadline) {
    if (await answersOk(url)) return;
    if (died) {
      throw new Error(`${url}: the process exited (code ${String(child?.exitCode)}) before it answered`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`${url} did not answer 2xx within ${timeoutMs} ms`);
}
