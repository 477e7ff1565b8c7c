import { type MigrationInterface, type QueryRunner } from 'typeorm';

// A diary entry (民情日志) in one round trip (ADR 0009). The function sets the RLS scope it is given
// (the caller's district) for the transaction it runs in (its first statement, transaction-local, exactly what
// inTransaction does), then finds the household, the cadre and their active pairing and, only
// when every check passes, inserts the visit, adds one visit to the cadre's yearly tally and writes
// the outbox row — one statement, so called on its own it is its own transaction: all of it commits
// or none. The caller validated the event against its contract; the household's place and the
// pairing are filled in here from the rows found. The household must lie inside the actor's own
// scope or on the village it lies below (p_actor_scope; the same rule as the RLS policies). SECURITY INVOKER (the default): RLS applies to
// every read and insert as the app role. Returns the parties found (no row: household not
// visible) and whether the rows were written, for the caller's 404s.
export class LogVisitFunction1763800005000 implements MigrationInterface {
  name = 'LogVisitFunction1763800005000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION pairing_log_visit(
        p_scope text, p_actor_scope text, p_household uuid, p_cadre uuid, p_district uuid, p_visit uuid, p_date date,
        p_year smallint, p_kind text, p_heard text, p_problems int, p_matters int, p_by text,
        p_at timestamptz, p_event uuid, p_topic text, p_key text, p_headers jsonb, p_payload jsonb)
      RETURNS TABLE (district_id uuid, org_path text, active boolean, cadre_id uuid, cadre_district_id uuid,
                     cadre_org_path text, cadre_status text, branch_unit_id uuid, pairing_id uuid,
                     in_reach boolean, written int)
      LANGUAGE plpgsql VOLATILE AS $fn$
      #variable_conflict use_column
      BEGIN
        PERFORM set_config('lianxin.scope', p_scope, true);
        RETURN QUERY
        WITH parties AS (
          SELECT h.district_id, h.org_path, h.active,
                 m.id AS cadre_id, m.district_id AS cadre_district_id, m.org_path AS cadre_org_path,
                 m.status AS cadre_status, m.branch_unit_id,
                 (SELECT p.id FROM pairings p
                   WHERE p.household_id = h.id AND p.cadre_id = m.id AND p.status = 'active' LIMIT 1) AS pairing_id,
                 (h.org_path LIKE p_actor_scope || '%' OR h.org_path = pairing_village_above(p_actor_scope)) AS in_reach
            FROM households h LEFT JOIN members m ON m.id = p_cadre
           WHERE h.id = p_household
        ), ok AS (
          SELECT * FROM parties x
           WHERE x.active AND x.in_reach AND x.district_id = p_district
             AND x.cadre_status = 'active' AND x.cadre_district_id = x.district_id
        ), visit AS (
          INSERT INTO visits (id, district_id, org_path, household_id, cadre_id, cadre_org_path, pairing_id, visit_date,
                              visit_year, kind, heard, problems_raised, matters_done, confirmation, flagged, recorded_by,
                              recorded_at, updated_at)
          SELECT p_visit, ok.district_id, ok.org_path, p_household, ok.cadre_id, ok.cadre_org_path, ok.pairing_id, p_date,
                 p_year, p_kind, p_heard, p_problems, p_matters, 'unchecked', false, p_by, p_at, p_at
            FROM ok
        ), tally AS (
          INSERT INTO quota_tallies AS q (cadre_id, year, district_id, org_path, visits, practical_matters, tickets_solved,
                                          grassroots_days, updated_at)
          SELECT ok.cadre_id, p_year, ok.district_id, ok.cadre_org_path, 1, 0, 0, 0, p_at FROM ok
          ON CONFLICT ON CONSTRAINT quota_tallies_pk DO UPDATE SET
            visits = q.visits + EXCLUDED.visits,
            updated_at = EXCLUDED.updated_at
        ), event AS (
          INSERT INTO outbox (id, topic, key, headers, payload)
          SELECT p_event, p_topic, p_key, p_headers,
                 jsonb_set(jsonb_set(p_payload, '{orgUnitPath}', to_jsonb(ok.org_path)),
                           '{data,pairingId}', COALESCE(to_jsonb(ok.pairing_id), 'null'::jsonb))
            FROM ok
        )
        SELECT x.district_id, x.org_path, x.active, x.cadre_id, x.cadre_district_id, x.cadre_org_path, x.cadre_status,
               x.branch_unit_id, x.pairing_id, x.in_reach, (SELECT count(*) FROM ok)::int
          FROM parties x;
      END
      $fn$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP FUNCTION pairing_log_visit(text, text, uuid, uuid, uuid, uuid, date, smallint, text, text, int, int, text, timestamptz, uuid, text, text, jsonb, jsonb)',
    );
  }
}
