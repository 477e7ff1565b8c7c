import { type OutboxMessage, queryPrepared, type TransactionContext } from '@lianxin/platform-persistence';

/** The household, the cadre and their active pairing, as the one-statement visit write found them. */
export interface VisitPartiesRow {
  district_id: string;
  org_path: string;
  active: boolean;
  cadre_id: string | null;
  cadre_district_id: string | null;
  cadre_org_path: string | null;
  cadre_status: string | null;
  branch_unit_id: string | null;
  pairing_id: string | null;
  in_reach: boolean;
  written: number;
}

export interface VisitToWrite {
  readonly id: string;
  readonly householdId: string;
  readonly cadreId: string;
  /** The caller's district: the household must lie in it (the transaction runs in its scope anyway). */
  readonly districtId: string;
  /** The caller's own scope: the household must lie inside it or on the village it lies below. */
  readonly actorScope: string;
  readonly visitDate: string;
  readonly visitYear: number;
  readonly kind: string;
  readonly heard: string;
  readonly problemsRaised: number;
  readonly mattersDone: number;
  readonly recordedBy: string;
  readonly recordedAt: Date;
}

/** Migration 1763800005000: the whole diary write as one function call (sets the scope first). */
const LOG_VISIT_CALL = `SELECT * FROM pairing_log_visit($1::text, $2::text, $3::uuid, $4::uuid, $5::uuid, $6::uuid,
  $7::date, $8::smallint, $9::text, $10::text, $11::int, $12::int, $13::text, $14::timestamptz, $15::uuid, $16::text,
  $17::text, $18::jsonb, $19::jsonb)`;

/** Runs the call with its parameters: in the caller's transaction, or on its own (then it is its own transaction). */
export type LogVisitRunner = (sql: string, parameters: unknown[]) => Promise<VisitPartiesRow[]>;

/**
 * The diary write in one round trip: the function `pairing_log_visit` sets the RLS scope, looks up
 * the household, the cadre and their active pairing and, when the checks pass, inserts the visit,
 * adds one visit to the cadre's tally and writes the outbox row. The event was built and
 * validated against its contract by the caller with the household's place and pairing still
 * unknown; the function sets `orgUnitPath` and `data.pairingId` from the rows it found (typed
 * columns). RLS checks every insert as usual. Called outside a transaction it is one statement,
 * so one transaction: all of it or nothing. Returns the parties found (none when the household is
 * not visible) with `written` = 1 when the rows were written.
 */
export async function logVisitCall(
  run: LogVisitRunner,
  scope: string,
  visit: VisitToWrite,
  event: OutboxMessage,
): Promise<VisitPartiesRow | undefined> {
  const [row] = await run(LOG_VISIT_CALL, [
    scope,
    visit.actorScope,
    visit.householdId,
    visit.cadreId,
    visit.districtId,
    visit.id,
    visit.visitDate,
    visit.visitYear,
    visit.kind,
    visit.heard,
    visit.problemsRaised,
    visit.mattersDone,
    visit.recordedBy,
    visit.recordedAt,
    event.id,
    event.topic,
    event.key,
    JSON.stringify(event.headers),
    JSON.stringify(event.payload),
  ]);
  return row;
}

/** In the caller's transaction, as a statement prepared once per connection. */
export function inTransactionRunner(tx: TransactionContext): LogVisitRunner {
  return (sql, parameters) =>
    queryPrepared<VisitPartiesRow>(tx.manager, 'pairing.log-visit.v2', sql, parameters);
}
