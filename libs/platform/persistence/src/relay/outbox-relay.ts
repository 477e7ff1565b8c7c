import {
  backoffDelay,
  type BackoffPolicy,
  extractTraceContext,
  injectTraceContext,
  sleep,
} from '@lianxin/platform-messaging';
import { ROOT_CONTEXT, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { type DataSource, type QueryRunner } from 'typeorm';
import { OutboxNotifications } from './outbox-notifications';
import { consoleRelayLogger, type RelayLogger, type RelayProducer } from './relay-producer';

export interface OutboxRelayOptions {
  dataSource: DataSource;
  producer: RelayProducer;
  /** Rows per publish. Default 500. */
  batchSize?: number;
  /** Wait after an empty poll when no notification arrives (the fallback for NOTIFY). Default 500. */
  pollMs?: number;
  /** Delay growth while the broker or database fails. Default 100 ms doubling to 30 s. */
  backoff?: BackoffPolicy;
  /**
   * Pause after a partial batch before polling again, so that under a steady trickle the relay
   * sends (and marks) several rows per transaction instead of spinning on one-row batches — the
   * same trade as Kafka's linger.ms. Default 10 ms; 0 polls again at once.
   */
  lingerMs?: number;
  /** Wake on NOTIFY from the outbox insert trigger. Default true. */
  listen?: boolean;
  /** Published rows older than this are deleted. Default 1 day; 0 disables cleanup. */
  retainPublishedMs?: number;
  logger?: RelayLogger;
}

interface OutboxRow {
  id: string;
  topic: string;
  key: string | null;
  headers: Record<string, string>;
  payload: string;
}

// One relay at a time per database publishes (ADR 0004): with several replicas, row locks alone
// would let replica B publish an aggregate's later event while replica A is still sending its
// earlier one. The transaction-scoped advisory lock makes the others stand by; it is released
// with each batch's commit (or by Postgres when the holder dies).
const RELAY_LOCK = 0x6c78_6f62; // "lxob"
const CLEANUP_EVERY_MS = 60_000;
const CLEANUP_CHUNK = 10_000;

/**
 * Publishes outbox rows to Kafka in `seq` order and marks them published in the same transaction
 * that locked them. Kafka's acknowledgement comes before the commit, so a crash between the two
 * re-sends the batch: at-least-once delivery, duplicates absorbed by consumers' inboxes.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollMs: number;
  private readonly lingerMs: number;
  private readonly backoff: BackoffPolicy;
  private readonly retainPublishedMs: number;
  private readonly logger: RelayLogger;
  private readonly notifications: OutboxNotifications | undefined;
  private abort = new AbortController();
  private wake: AbortController = new AbortController();
  private woken = false;
  private loop: Promise<void> | undefined;
  private lastCleanup = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.pollMs = options.pollMs ?? 500;
    this.lingerMs = options.lingerMs ?? 10;
    this.backoff = options.backoff ?? { initialMs: 100, maxMs: 30_000 };
    this.retainPublishedMs = options.retainPublishedMs ?? 24 * 3600 * 1000;
    this.logger = options.logger ?? consoleRelayLogger;
    this.notifications =
      options.listen === false
        ? undefined
        : new OutboxNotifications(options.dataSource, () => this.notify(), this.pollMs);
  }

  /** Starts the background loop; resolves once listening (or once LISTEN has been attempted). */
  async start(): Promise<void> {
    if (this.loop) return;
    this.abort = new AbortController();
    await this.notifications?.open();
    this.loop = this.run();
  }

  /** Stops after the batch in flight (if any) has committed or rolled back. */
  async stop(): Promise<void> {
    this.abort.abort();
    this.wake.abort();
    await this.loop;
    this.loop = undefined;
    await this.notifications?.close();
  }

  /**
   * Publishes at most one batch. Returns how many rows were published (0 when there was nothing
   * to do, or another relay holds the lock). Throws when the broker or database fails.
   */
  async relayOnce(): Promise<number> {
    const runner = this.options.dataSource.createQueryRunner();
    await runner.connect();
    let rows: OutboxRow[] = [];
    try {
      await runner.startTransaction();
      rows = await this.lockBatch(runner);
      if (rows.length > 0) {
        const spans = rows.map(startSendSpan);
        try {
          await this.options.producer.sendBatch({ acks: -1, topicMessages: groupByTopic(rows) });
        } catch (error) {
          endSendSpans(spans, error);
          throw error;
        }
        endSendSpans(spans);
        await runner.query(
          'UPDATE outbox SET published_at = now(), attempts = attempts + 1 WHERE id = ANY($1::uuid[])',
          [rows.map((row) => row.id)],
        );
      }
      await runner.commitTransaction();
      return rows.length;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await this.recordFailure(runner, rows, error);
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async lockBatch(runner: QueryRunner): Promise<OutboxRow[]> {
    const [lock] = (await runner.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [RELAY_LOCK])) as {
      locked: boolean;
    }[];
    if (!lock?.locked) return [];
    // payload::text: the relay forwards the JSON as is, without parsing it into objects. No row
    // locks: the advisory lock above already keeps every other relay out until this transaction
    // ends, and `FOR UPDATE` would write a lock into every row before the UPDATE below writes it
    // again (one more heap write and WAL record per event).
    return (await runner.query(
      `SELECT id, topic, key, headers, payload::text AS payload FROM outbox
       WHERE published_at IS NULL ORDER BY seq LIMIT $1`,
      [this.batchSize],
    )) as OutboxRow[];
  }

  private async recordFailure(
    runner: QueryRunner,
    rows: readonly OutboxRow[],
    error: unknown,
  ): Promise<void> {
    if (rows.length === 0) return;
    const message = error instanceof Error ? error.message : String(error);
    // Diagnostics only (visible in the table while the broker is down); best effort.
    await runner
      .query('UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::uuid[])', [
        rows.map((row) => row.id),
        message.slice(0, 2000),
      ])
      .catch(() => undefined);
  }

  private notify(): void {
    this.woken = true;
    this.wake.abort();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.abort.signal.aborted) {
      try {
        this.woken = false;
        const published = await this.relayOnce();
        if (failures > 0) this.logger.info({ failures }, 'outbox relay recovered');
        failures = 0;
        await this.cleanupIfDue();
        // Wait only after an empty poll: the insert trigger notifies only when it finds the
        // outbox otherwise drained (see OutboxNotifyWhenIdle), so while rows keep coming the
        // relay must keep polling on its own.
        if (published === 0) await this.idle(this.pollMs);
        else if (published < this.batchSize && this.lingerMs > 0)
          await sleep(this.lingerMs, this.abort.signal);
      } catch (error) {
        failures += 1;
        const delay = backoffDelay(this.backoff, failures);
        this.logger.warn(
          { failures, delayMs: delay, err: error instanceof Error ? error.message : String(error) },
          'outbox relay failed; backing off',
        );
        await sleep(delay, this.abort.signal);
      }
    }
  }

  /** Waits for a notification or the poll interval; a notification that came in meanwhile counts. */
  private async idle(ms: number): Promise<void> {
    if (this.woken) return;
    this.wake = new AbortController();
    if (this.abort.signal.aborted) return;
    await sleep(ms, this.wake.signal);
  }

  private async cleanupIfDue(): Promise<void> {
    if (this.retainPublishedMs <= 0 || Date.now() - this.lastCleanup < CLEANUP_EVERY_MS) return;
    this.lastCleanup = Date.now();
    // Oldest first along seq, in bounded chunks: each statement touches at most CLEANUP_CHUNK rows
    // however large the table is, and stops at the first rows still inside the retention window.
    for (let chunk = 0; chunk < 100; chunk += 1) {
      const [, deleted] = (await this.options.dataSource.query(
        `DELETE FROM outbox WHERE seq IN (
           SELECT seq FROM outbox WHERE published_at IS NOT NULL ORDER BY seq LIMIT ${CLEANUP_CHUNK}
         ) AND published_at < now() - $1 * interval '1 millisecond'`,
        [this.retainPublishedMs],
      )) as [unknown, number];
      if (deleted < CLEANUP_CHUNK) return;
    }
  }
}

/** Groups rows by topic, keeping `seq` order inside each topic (and so inside each key). */
function groupByTopic(
  rows: readonly OutboxRow[],
): { topic: string; messages: { key: string | null; value: string; headers: Record<string, string> }[] }[] {
  const byTopic = new Map<string, { key: string | null; value: string; headers: Record<string, string> }[]>();
  for (const row of rows) {
    const messages = byTopic.get(row.topic) ?? [];
    messages.push({ key: row.key, value: row.payload, headers: row.headers });
    byTopic.set(row.topic, messages);
  }
  return [...byTopic.entries()].map(([topic, messages]) => ({ topic, messages }));
}

const tracer = trace.getTracer('@lianxin/platform-persistence');

/**
 * One PRODUCER span per message, a child of the trace the outbox row was written in (its stored
 * `traceparent`), not of the relay's polling loop: the publish belongs to the request that caused
 * it. The span's own context replaces the row's in the message headers, so the consumer's span
 * hangs under the publish. With no OpenTelemetry SDK registered this is all a no-op.
 */
function startSendSpan(row: OutboxRow): Span {
  const parent = extractTraceContext(row.headers, ROOT_CONTEXT);
  const span = tracer.startSpan(
    `send ${row.topic}`,
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'send',
        'messaging.destination.name': row.topic,
        ...(row.key === null ? {} : { 'messaging.kafka.message.key': row.key }),
      },
    },
    parent,
  );
  row.headers = injectTraceContext({ ...row.headers }, trace.setSpan(parent, span));
  return span;
}

function endSendSpans(spans: readonly Span[], error?: unknown): void {
  for (const span of spans) {
    if (error !== undefined) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({
        code: SpanStatusCode.ERROR,
        message: error instanceof Error ? error.message : String(error),
      });
    }
    span.end();
  }
}
