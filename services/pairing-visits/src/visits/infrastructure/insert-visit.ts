import { type OutboxMessage, type TransactionContext } from '@lianxin/platform-persistence';
import { type VisitOrmEntity } from './visit.orm-entity';

/**
 * Inserts a diary entry, adds one visit to the cadre's yearly tally (the same upsert as
 * bumpTally) and writes the event's outbox row, as one statement in the caller's transaction.
 * Data-modifying CTEs all run to completion whether or not the outer query reads them, and each
 * insert is checked by the table's RLS policy exactly as separate statements would be. The tally
 * row sits on the cadre's path with the visit's district, as bumpTally writes it.
 */
export async function insertVisitWithTallyAndEvent(
  tx: TransactionContext,
  visit: VisitOrmEntity,
  event: OutboxMessage,
): Promise<void> {
  await tx.manager.query(
    `WITH visit AS (
       INSERT INTO visits (id, district_id, org_path, household_id, cadre_id, cadre_org_path, pairing_id, visit_date,
                           visit_year, kind, heard, problems_raised, matters_done, confirmation, flagged, recorded_by,
                           recorded_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17)
     ), tally AS (
       INSERT INTO quota_tallies (cadre_id, year, district_id, org_path, visits, practical_matters, tickets_solved,
                                  grassroots_days, updated_at)
       VALUES ($5, $9, $2, $6, 1, 0, 0, 0, $17)
       ON CONFLICT (cadre_id, year) DO UPDATE SET
         visits = quota_tallies.visits + EXCLUDED.visits,
         updated_at = EXCLUDED.updated_at
     )
     INSERT INTO outbox (id, topic, key, headers, payload) VALUES ($18, $19, $20, $21::jsonb, $22::jsonb)`,
    [
      visit.id,
      visit.districtId,
      visit.orgPath,
      visit.householdId,
      visit.cadreId,
      visit.cadreOrgPath,
      visit.pairingId,
      visit.visitDate,
      visit.visitYear,
      visit.kind,
      visit.heard,
      visit.problemsRaised,
      visit.mattersDone,
      visit.confirmation,
      visit.flagged,
      visit.recordedBy,
      visit.recordedAt,
      event.id,
      event.topic,
      event.key,
      JSON.stringify(event.headers),
      JSON.stringify(event.payload),
    ],
  );
}
