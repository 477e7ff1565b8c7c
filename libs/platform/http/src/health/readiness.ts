/** A readiness probe: resolves when the dependency is usable, rejects (or times out) when not. */
export type ReadinessCheck = () => Promise<unknown>;

export interface ReadinessReport {
  readonly status: 'ok' | 'unavailable';
  readonly checks: Record<string, 'ok' | 'failed' | 'timeout'>;
}

export const DEFAULT_CHECK_TIMEOUT_MS = 2000;

/** Runs every check in parallel with a timeout; error messages stay in the logs, not the response. */
export async function runReadinessChecks(
  checks: Readonly<Record<string, ReadinessCheck>>,
  timeoutMs = DEFAULT_CHECK_TIMEOUT_MS,
  onFailure: (name: string, error: unknown) => void = () => undefined,
): Promise<ReadinessReport> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      const outcome = await withTimeout(check, timeoutMs).catch((error: unknown) => {
        onFailure(name, error);
        return error instanceof CheckTimeout ? ('timeout' as const) : ('failed' as const);
      });
      return [name, outcome] as const;
    }),
  );
  const result = Object.fromEntries(entries);
  return { status: entries.every(([, outcome]) => outcome === 'ok') ? 'ok' : 'unavailable', checks: result };
}

class CheckTimeout extends Error {}

async function withTimeout(check: ReadinessCheck, timeoutMs: number): Promise<'ok'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimeout(`check timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([check(), timeout]);
    return 'ok';
  } finally {
    clearTimeout(timer);
  }
}

/** `SELECT 1` through anything with a `query` method (a TypeORM DataSource, a pg Pool). */
export function postgresReadiness(db: { query(sql: string): Promise<unknown> }): ReadinessCheck {
  return () => db.query('SELECT 1');
}

/** Kafka cluster metadata through a connected kafkajs admin client. */
export function kafkaReadiness(admin: { describeCluster(): Promise<unknown> }): ReadinessCheck {
  return () => admin.describeCluster();
}
