import { HEADERS, householdRegisteredV1, memberRegisteredV1 } from '@lianxin/contracts';
import type { OutboxMessage } from '@lianxin/platform-persistence';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import {
  insertHouseholdsStatement,
  type NewHouseholdRecord,
} from '../../households/infrastructure/household-writer';
import { isEthnicMinority } from '../../members/domain/member-input';
import { insertMembersStatement, type NewMemberRecord } from '../../members/infrastructure/member-writer';
import type { InsertStatement } from '../infrastructure/insert-statement';
import type { PiiCipher } from '../infrastructure/pii-cipher';
import type { OutboxBatch } from './outbox-batch';

// Bulk registration (CSV import, demo data), ADR 0008: one statement per batch inserts the rows
// and, for each row actually inserted, its `registered` event in the outbox. The envelope of the
// batch's first row is built in Node with buildEnvelope (held to the exact schema: type, version,
// source, actor, correlation, trace headers); Postgres then stamps each row's id, district, path
// and `data` onto that template from the row it just inserted. So 100,000 rows cost no 100,000
// envelope objects, JSON strings and escaped array literals in Node, and the `data` is derived
// from what was stored. The SQL below names every `data` field of the v1 schema; the import
// integration test parses every row of an import against the contract.

const MEMBER_REGISTERED_DATA = `jsonb_build_object(
  'memberId', i.id, 'branchUnitId', i.branch_id, 'category', i.category, 'hasPost', i.has_post,
  'cadreRank', i.cadre_rank, 'gender', i.gender, 'ethnicityMinority', i.ethnic_minority,
  'birthYear', extract(year FROM i.birth_date)::int, 'educationLevel', i.education_level,
  'rural', i.rural, 'joinedAt', i.joined_at, 'specialties', to_jsonb(i.specialties))`;
const MEMBER_RETURNING =
  'id, district_id, org_path, branch_id, category, has_post, cadre_rank, gender, ethnic_minority, birth_date, education_level, rural, joined_at, specialties';

const HOUSEHOLD_REGISTERED_DATA = `jsonb_build_object(
  'householdId', i.id, 'villageUnitId', i.village_id, 'size', i.size, 'hardshipStatus', i.hardship_status,
  'needs', to_jsonb(i.needs), 'isMigrantMemberHousehold', i.is_migrant_member_household)`;
const HOUSEHOLD_RETURNING =
  'id, district_id, org_path, village_id, size, hardship_status, needs, is_migrant_member_household';

/** A batch whose statement is built (rows encrypted, event template validated) but not sent yet. */
export interface PreparedBatch {
  /** Sends the statement; resolves to the ids inserted. */
  write(): Promise<Set<string>>;
}

const EMPTY: PreparedBatch = { write: () => Promise.resolve(new Set()) };

export function registerMembers(
  manager: EntityManager,
  cipher: PiiCipher,
  events: OutboxBatch,
  records: readonly NewMemberRecord[],
): Promise<Set<string>> {
  return prepareMembers(manager, cipher, events, records).write();
}

export function registerHouseholds(
  manager: EntityManager,
  cipher: PiiCipher,
  events: OutboxBatch,
  records: readonly NewHouseholdRecord[],
): Promise<Set<string>> {
  return prepareHouseholds(manager, cipher, events, records).write();
}

/** The CPU work of a batch, separate from its round trip, so the caller can do it while the previous batch is still in Postgres. */
export function prepareMembers(
  manager: EntityManager,
  cipher: PiiCipher,
  events: OutboxBatch,
  records: readonly NewMemberRecord[],
): PreparedBatch {
  if (records.length === 0) return EMPTY;
  const m = records[0];
  const template = events.message(
    memberRegisteredV1,
    { districtId: m.districtId, orgPath: m.orgPath, aggregateId: m.id },
    {
      memberId: m.id,
      branchUnitId: m.branchId,
      category: m.category,
      hasPost: m.hasPost,
      cadreRank: m.cadreRank,
      gender: m.gender,
      ethnicityMinority: isEthnicMinority(m.ethnicity),
      birthYear: Number(m.birthDate.slice(0, 4)),
      educationLevel: m.educationLevel,
      rural: m.rural,
      joinedAt: m.joinedAt,
      specialties: m.specialties,
    },
  );
  return prepareWithEvents(
    manager,
    events,
    insertMembersStatement(cipher, records, MEMBER_RETURNING),
    records.map((r) => r.id),
    template,
    MEMBER_REGISTERED_DATA,
  );
}

export function prepareHouseholds(
  manager: EntityManager,
  cipher: PiiCipher,
  events: OutboxBatch,
  records: readonly NewHouseholdRecord[],
): PreparedBatch {
  if (records.length === 0) return EMPTY;
  const h = records[0];
  const template = events.message(
    householdRegisteredV1,
    { districtId: h.districtId, orgPath: h.orgPath, aggregateId: h.id },
    {
      householdId: h.id,
      villageUnitId: h.villageId,
      size: h.size,
      hardshipStatus: h.hardshipStatus,
      needs: h.needs,
      isMigrantMemberHousehold: h.isMigrantMemberHousehold,
    },
  );
  return prepareWithEvents(
    manager,
    events,
    insertHouseholdsStatement(cipher, records, HOUSEHOLD_RETURNING),
    records.map((r) => r.id),
    template,
    HOUSEHOLD_REGISTERED_DATA,
  );
}

/**
 * `statement` returns the inserted rows as `i`; `rowIds[k]` gets the k-th event (order kept in
 * `outbox.seq`); rows skipped by `ON CONFLICT DO NOTHING` get none. `write` returns the inserted ids.
 */
function prepareWithEvents(
  manager: EntityManager,
  events: OutboxBatch,
  statement: InsertStatement,
  rowIds: readonly string[],
  template: OutboxMessage,
  dataSql: string,
): PreparedBatch {
  const { [HEADERS.eventId]: _eventId, [HEADERS.districtId]: _districtId, ...headers } = template.headers;
  const n = statement.params.length;
  const sql = `WITH i AS (${statement.sql}),
     events AS (
       INSERT INTO outbox (id, topic, key, headers, payload)
       SELECT e.event_id, $${n + 1}, i.id::text,
              $${n + 2}::jsonb || jsonb_build_object('${HEADERS.eventId}', e.event_id)
                || CASE WHEN i.district_id IS NULL THEN '{}'::jsonb
                        ELSE jsonb_build_object('${HEADERS.districtId}', i.district_id) END,
              $${n + 3}::jsonb || jsonb_build_object('id', e.event_id, 'districtId', i.district_id,
                'orgUnitPath', i.org_path, 'aggregateId', i.id, 'data', ${dataSql})
         FROM unnest($${n + 4}::uuid[], $${n + 5}::uuid[]) WITH ORDINALITY AS e(row_id, event_id, ord)
         JOIN i ON i.id = e.row_id
        ORDER BY e.ord
     )
     SELECT id FROM i`;
  const params = [
    ...statement.params,
    template.topic,
    JSON.stringify(headers),
    JSON.stringify(template.payload),
    rowIds,
    rowIds.map((id, k) => (k === 0 ? template.id : uuidv7())),
  ];
  return {
    async write() {
      await events.flush(); // events queued earlier keep their place before these
      const rows = await manager.query<{ id: string }[]>(sql, params);
      events.countWritten(rows.length);
      return new Set(rows.map((r) => r.id));
    },
  };
}
