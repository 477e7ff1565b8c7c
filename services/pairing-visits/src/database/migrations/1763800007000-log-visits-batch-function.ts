import { type MigrationInterface, type QueryRunner } from 'typeorm';

// Diary entries logged at the same moment share one round trip and one commit (ADR 0009,
// "group commit"). `pairing_log_visits` takes a JSON array of entries — each with exactly the
// arguments of `pairing_log_visit`, its own scope included — and runs that function for each one
// inside its own subtransaction, so one entry's failure (a bug: the handler validated the input)
// rolls back that entry alone and is reported on its row, never taking the others with it. Each
// entry sets its own scope before its statement, as the single call does, so RLS checks every
// insert against the scope of the request it came from.
//
// One row per entry whose household was found (none: not visible, the caller's 404), numbered by
// its 1-based position in the array; `failure` carries the SQLSTATE and message of an entry that
// raised, with everything else null. The rows are built after each subtransaction has ended, so a
// failed entry leaves no partial row behind. Batches stay under 64 entries in the caller: more
// subtransactions than that in one transaction overflow Postgres's per-backend cache of them.
export class LogVisitsBatchFunction1763800007000 implements MigrationInterface {
  name = 'LogVisitsBatchFunction1763800007000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION pairing_log_visits(p_entries jsonb)
      RETURNS TABLE (ordinal int, failure text, district_id uuid, org_path text, active boolean, cadre_id uuid,
                     cadre_district_id uuid, cadre_org_path text, cadre_status text, branch_unit_id uuid,
                     pairing_id uuid, in_reach boolean, written int)
      LANGUAGE plpgsql VOLATILE AS $fn$
      DECLARE
        entry jsonb;
        entry_no int := 0;
        found_row record;
        was_found boolean;
        failed text;
      BEGIN
        FOR entry IN SELECT value FROM jsonb_array_elements(p_entries) LOOP
          entry_no := entry_no + 1;
          failed := NULL;
          BEGIN
            SELECT * INTO found_row FROM pairing_log_visit(
              entry->>'scope', entry->>'actorScope', (entry->>'householdId')::uuid, (entry->>'cadreId')::uuid,
              (entry->>'districtId')::uuid, (entry->>'id')::uuid, (entry->>'visitDate')::date,
              (entry->>'visitYear')::smallint, entry->>'kind', entry->>'heard', (entry->>'problemsRaised')::int,
              (entry->>'mattersDone')::int, entry->>'recordedBy', (entry->>'recordedAt')::timestamptz,
              (entry->>'eventId')::uuid, entry->>'topic', entry->>'key', entry->'headers', entry->'payload');
            was_found := FOUND;
          EXCEPTION WHEN OTHERS THEN
            was_found := false;
            failed := SQLSTATE || ' ' || SQLERRM;
          END;
          IF failed IS NOT NULL THEN
            ordinal := entry_no; failure := failed;
            district_id := NULL; org_path := NULL; active := NULL; cadre_id := NULL; cadre_district_id := NULL;
            cadre_org_path := NULL; cadre_status := NULL; branch_unit_id := NULL; pairing_id := NULL;
            in_reach := NULL; written := 0;
            RETURN NEXT;
          ELSIF was_found THEN
            ordinal := entry_no; failure := NULL;
            district_id := found_row.district_id; org_path := found_row.org_path; active := found_row.active;
            cadre_id := found_row.cadre_id; cadre_district_id := found_row.cadre_district_id;
            cadre_org_path := found_row.cadre_org_path; cadre_status := found_row.cadre_status;
            branch_unit_id := found_row.branch_unit_id; pairing_id := found_row.pairing_id;
            in_reach := found_row.in_reach; written := found_row.written;
            RETURN NEXT;
          END IF;
        END LOOP;
      END
      $fn$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION pairing_log_visits(jsonb)');
  }
}
