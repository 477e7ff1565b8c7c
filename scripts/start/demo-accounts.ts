// Prints the demo logins the gateway's development issuer offers (GET /api/v1/auth/demo-accounts),
// as the gateway returns them: the launcher keeps no copy that could drift.
import { type RunningPlatform } from '@lianxin/platform-runtime';

interface DemoAccounts {
  password?: string;
  tokenEndpoint?: string;
  accounts: Array<Record<string, unknown>>;
}

function isDemoAccounts(value: unknown): value is DemoAccounts {
  return typeof value === 'object' && value !== null && Array.isArray((value as DemoAccounts).accounts);
}

function text(value: unknown): string {
  return typeof value === 'string'
    ? value
    : value === null || value === undefined
      ? '—'
      : JSON.stringify(value);
}

export async function printDemoAccounts(
  platform: RunningPlatform,
  log: (line: string) => void,
): Promise<void> {
  const gateway = platform.services.find((service) => service.name === 'gateway');
  if (!gateway) {
    log('\nDemo logins: the gateway is not running, so there is no development issuer to ask.');
    return;
  }
  const url = `${gateway.url}/api/v1/auth/demo-accounts`;
  let body: unknown;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    body = await response.json();
  } catch (error) {
    log(`\nDemo logins: ${url} did not answer (${error instanceof Error ? error.message : String(error)}).`);
    return;
  }
  if (!isDemoAccounts(body)) {
    log(`\nDemo logins (${url}):\n${JSON.stringify(body, null, 2)}`);
    return;
  }
  log(`\nDemo logins (from ${url}):`);
  if (body.password) log(`  password for every account: ${body.password}`);
  if (body.tokenEndpoint) log(`  get a token: ${body.tokenEndpoint} (on ${gateway.url})`);
  for (const account of body.accounts) {
    log(
      `  ${text(account['username']).padEnd(30)} ${text(account['role']).padEnd(18)} ${text(account['scope'])}`,
    );
  }
}
