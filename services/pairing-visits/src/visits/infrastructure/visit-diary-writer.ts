import { type OutboxMessage, WriteBatcher } from '@lianxin/platform-persistence';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PAIRING_DATA_SOURCE } from '../../shared/application/pairing-database';
import { type VisitPartiesRow, type VisitToWrite } from './insert-visit';

/** One common diary entry (no tickets, no matters) waiting for its batch. */
interface DiaryEntry {
  readonly scope: string;
  readonly visit: VisitToWrite;
  readonly event: OutboxMessage;
}

/** What the database did with one entry: its parties (none: household not visible) or its failure. */
export type DiaryEntryOutcome =
  | { readonly kind: 'done'; readonly parties: VisitPartiesRow | undefined }
  | { readonly kind: 'failed'; readonly failure: string };

interface BatchRow extends VisitPartiesRow {
  ordinal: number;
  failure: string | null;
}

// Postgres caches 64 subtransactions per backend (one per entry here); more in one transaction
// make every other session's visibility checks consult pg_subtrans.
const MAX_ENTRIES_PER_BATCH = 50;
// Batches running at once. Two keep both cores busy; entries arriving meanwhile gather into the
// next batch instead of waking one more Postgres backend each (ADR 0009, "group commit").
const MAX_BATCHES_IN_FLIGHT = 2;

/**
 * Writes common diary entries (民情日志) logged at the same moment together: one call of
 * `pairing_log_visits` (migration 1763800007000) per batch — one round trip, one commit — with
 * each entry in its own subtransaction under its own request's RLS scope. An entry's outcome is
 * its own: not visible, checks failed, written, or (a bug) failed alone. The caller answers its
 * HTTP request only after the batch committed, so a 201 still means the visit, its tally and its
 * event are durable together.
 */
@Injectable()
export class VisitDiaryWriter implements OnApplicationShutdown {
  private readonly batcher: WriteBatcher<DiaryEntry, DiaryEntryOutcome>;

  constructor(@Inject(PAIRING_DATA_SOURCE) private readonly dataSource: DataSource) {
    this.batcher = new WriteBatcher((entries) => this.writeBatch(entries), {
      maxBatch: MAX_ENTRIES_PER_BATCH,
      maxInFlight: MAX_BATCHES_IN_FLIGHT,
      spanName: 'pairing.visit-diary.write-batch',
    });
  }

  write(scope: string, visit: VisitToWrite, event: OutboxMessage): Promise<DiaryEntryOutcome> {
    return this.batcher.submit({ scope, visit, event });
  }

  /** Entries already accepted are written before the data source closes. */
  onApplicationShutdown(): Promise<void> {
    return this.batcher.drained();
  }

  private async writeBatch(entries: readonly DiaryEntry[]): Promise<DiaryEntryOutcome[]> {
    const rows = (await this.dataSource.query('SELECT * FROM pairing_log_visits($1::jsonb)', [
      JSON.stringify(entries.map(toArguments)),
    ])) as BatchRow[];
    const byOrdinal = new Map(rows.map((row) => [row.ordinal, row]));
    return entries.map((_, index): DiaryEntryOutcome => {
      const row = byOrdinal.get(index + 1);
      if (row?.failure) return { kind: 'failed', failure: row.failure };
      return { kind: 'done', parties: row };
    });
  }
}

/** The arguments of `pairing_log_visit`, by the names `pairing_log_visits` reads them. */
function toArguments({ scope, visit, event }: DiaryEntry): Record<string, unknown> {
  return {
    scope,
    actorScope: visit.actorScope,
    householdId: visit.householdId,
    cadreId: visit.cadreId,
    districtId: visit.districtId,
    id: visit.id,
    visitDate: visit.visitDate,
    visitYear: visit.visitYear,
    kind: visit.kind,
    heard: visit.heard,
    problemsRaised: visit.problemsRaised,
    mattersDone: visit.mattersDone,
    recordedBy: visit.recordedBy,
    recordedAt: visit.recordedAt.toISOString(),
    eventId: event.id,
    topic: event.topic,
    key: event.key,
    headers: event.headers,
    payload: event.payload,
  };
}
