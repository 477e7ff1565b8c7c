import { type EntityManager } from 'typeorm';
import { type TransactionContext } from '../transaction/in-transaction';

export type InboxOutcome = 'applied' | 'duplicate';

export interface InboxKey {
  /** Stable name of the projection/handler (one service may consume an event several times). */
  consumer: string;
  eventId: string;
}

type TransactionLike = TransactionContext | EntityManager;

function managerOf(tx: TransactionLike): EntityManager {
  return 'publish' in tx ? tx.manager : tx;
}

/**
 * Runs `work` only if this consumer has not handled this event before; records it in the same
 * transaction, so the effect and the record commit together. A concurrent duplicate blocks on the
 * primary key until the first commits, then sees it and is skipped.
 */
export async function handleOnce(
  tx: TransactionLike,
  key: InboxKey,
  work: () => Promise<void>,
): Promise<InboxOutcome> {
  const inserted = await managerOf(tx).query<unknown[]>(
    'INSERT INTO inbox (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id',
    [key.consumer, key.eventId],
  );
  if (inserted.length === 0) return 'duplicate';
  await work();
  return 'applied';
}

/**
 * Batch form for consumers that apply many events in one transaction: records every event id
 * in one statement and returns the ones not seen before (each still has its own inbox row).
 */
export async function claimInbox(
  tx: TransactionLike,
  consumer: string,
  eventIds: readonly string[],
): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const inserted = await managerOf(tx).query<{ event_id: string }[]>(
    `INSERT INTO inbox (consumer, event_id) SELECT $1, id FROM unnest($2::uuid[]) AS id
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [consumer, [...new Set(eventIds)]],
  );
  return new Set(inserted.map((row) => row.event_id));
}
