// The worker side: asks the run's coordinator for the shared Postgres and broker (starting them on
// first use) and remembers the answer for the rest of the worker's life.
import { COORDINATOR_ENV, coordinatorUrl } from '../config/harness-env';
import { type BrokerInfo, type CoordinatorError, type PostgresInfo } from './infra-protocol';

export interface TestInfra {
  /** Superuser URL of the run's Postgres (database `postgres`). Create databases, not tables, here. */
  adminDatabaseUrl: string;
  /** The run's dev broker, for kafkajs `brokers`. */
  kafkaBrokers: string[];
}

const cache = new Map<string, Promise<unknown>>();

async function ask<T>(path: string): Promise<T> {
  const base = coordinatorUrl();
  if (!base) {
    throw new Error(
      `${COORDINATOR_ENV} is not set: run tests through the workspace Jest config (npx jest …), whose preset starts the harness`,
    );
  }
  const response = await fetch(base + path);
  const body = (await response.json()) as T | CoordinatorError;
  if (!response.ok) throw new Error(`test infrastructure: ${(body as CoordinatorError).error}`);
  return body as T;
}

function cached<T>(path: string): Promise<T> {
  let pending = cache.get(path) as Promise<T> | undefined;
  if (!pending) {
    pending = ask<T>(path);
    pending.catch(() => cache.delete(path));
    cache.set(path, pending);
  }
  return pending;
}

export function getTestPostgres(): Promise<PostgresInfo> {
  return cached<PostgresInfo>('/postgres');
}

export function getTestBroker(): Promise<BrokerInfo> {
  return cached<BrokerInfo>('/broker');
}

/** The run's shared Postgres and dev broker; both start on the first call of the run. */
export async function getTestInfra(): Promise<TestInfra> {
  const [postgres, broker] = await Promise.all([getTestPostgres(), getTestBroker()]);
  return { adminDatabaseUrl: postgres.adminDatabaseUrl, kafkaBrokers: broker.kafkaBrokers };
}
