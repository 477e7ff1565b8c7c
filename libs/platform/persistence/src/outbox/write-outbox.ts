import { type EntityManager } from 'typeorm';
import { type OutboxMessage } from './outbox-message';

/**
 * Inserts outbox rows with one statement (unnest keeps it one round trip however many events a
 * transaction publishes). Must run inside the transaction that made the state change.
 */
export async function writeOutbox(manager: EntityManager, messages: readonly OutboxMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await manager.query(
    `INSERT INTO outbox (id, topic, key, headers, payload)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[], $5::jsonb[])`,
    [
      messages.map((message) => message.id),
      messages.map((message) => message.topic),
      messages.map((message) => message.key),
      messages.map((message) => JSON.stringify(message.headers)),
      messages.map((message) => JSON.stringify(message.payload)),
    ],
  );
}
