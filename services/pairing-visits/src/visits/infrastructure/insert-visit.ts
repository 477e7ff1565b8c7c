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

const LOG_VISIT_STATEMENT = 'pairing.log-visit.v1';

// Finds the parties and, only when every check passes, writes the visit, the tally and the outbox
// row: one prepared statement. `ok` repeats the handler's checks (household active, inside the
// caller's reach and district; cadre active in the same district); the handler turns an empty
// `ok` into the right 404 from the returned parties and checks `written` agrees.
const LOG_VISIT_SQL = `
  WITH parties AS (
    SELECT h.district_id, h.org_path, h.active,
           m.id AS cadre_id, m.district_id AS cadre_district_id, m.org_path AS cadre_org_path,
           m.status AS cadre_status, m.branch_unit_id,
           (SELECT p.id FROM pairings p
             WHERE p.household_id = h.id AND p.cadre_id = m.id AND p.status = 'active' LIMIT 1) AS pairing_id,
           (h.org_path LIKE $3::text || '%' OR h.org_path = pairing_village_above($3::text)) AS in_reach
      FROM households h LEFT JOIN members m ON m.id = $2::uuid
     WHERE h.id = $1::uuid
  ), ok AS (
    SELECT * FROM parties
     WHERE active AND in_reach AND district_id = $4::uuid
       AND cadre_status = 'active' AND cadre_district_id = district_id
  ), visit AS (
    INSERT INTO visits (id, district_id, org_path, household_id, cadre_id, cadre_org_path, pairing_id, visit_date,
                        visit_year, kind, heard, problems_raised, matters_done, confirmation, flagged, recorded_by,
                        recorded_at, updated_at)
    SELECT $5::uuid, district_id, org_path, $1::uuid, cadre_id, cadre_org_path, pairing_id, $6::date, $7::smallint,
           $8::text, $9::text, $10::int, $11::int, 'unchecked', false, $12::text, $13::timestamptz, $13::timestamptz
      FROM ok
  ), tally AS (
    INSERT INTO quota_tallies (cadre_id, year, district_id, org_path, visits, practical_matters, tickets_solved,
                               grassroots_days, updated_at)
    SELECT cadre_id, $7::smallint, district_id, cadre_org_path, 1, 0, 0, 0, $13::timestamptz FROM ok
    ON CONFLICT (cadre_id, year) DO UPDATE SET
      visits = quota_tallies.visits + EXCLUDED.visits,
      updated_at = EXCLUDED.updated_at
  ), event AS (
    INSERT INTO outbox (id, topic, key, headers, payload)
    SELECT $14::uuid, $15::text, $16::text, $17::jsonb,
           jsonb_set(jsonb_set($18::jsonb, '{orgUnitPath}', to_jsonb(org_path)),
                     '{data,pairingId}', COALESCE(to_jsonb(pairing_id), 'null'::jsonb))
      FROM ok
  )
  SELECT parties.*, (SELECT count(*) FROM ok)::int AS written FROM parties`;

/**
 * The whole diary write in one round trip (after `START TRANSACTION` + scope, before `COMMIT`):
 * looks up the household, the cadre and their pairing and, when the checks pass, inserts the visit,
 * adds one visit to the cadre's tally and writes the outbox row. The event was built and validated
 * against its contract by the caller with the household's place and pairing still unknown; they
 * are set here from the rows found (`orgUnitPath` from the household's `org_path`, `data.pairingId`
 * from the active pairing or null), both typed columns. RLS checks every insert as usual.
 * Returns the parties found (none when the household is not visible).
 */
export async function logVisitInOneStatement(
  tx: TransactionContext,
  visit: VisitToWrite,
  event: OutboxMessage,
): Promise<VisitPartiesRow | undefined> {
  const [row] = await queryPrepared<VisitPartiesRow>(tx.manager, LOG_VISIT_STATEMENT, LOG_VISIT_SQL, [
    visit.householdId,
    visit.cadreId,
    visit.actorScope,
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
