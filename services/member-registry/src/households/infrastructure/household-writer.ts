import type { EntityManager } from 'typeorm';
import { pgTextArray, type InsertStatement } from '../../shared/infrastructure/insert-statement';
import type { PiiCipher } from '../../shared/infrastructure/pii-cipher';
import type { HouseholdAttributes } from '../domain/household-input';

export interface NewHouseholdRecord extends HouseholdAttributes {
  readonly id: string;
  readonly villageId: string;
  readonly districtId: string | null;
  readonly orgPath: string;
}

/**
 * One-statement insert of many households. A head's ID number that is already registered skips
 * the row (missing from the returned ids) so callers can report it without a second lookup.
 */
export function insertHouseholdsStatement(
  cipher: PiiCipher,
  records: readonly NewHouseholdRecord[],
  returning = 'id',
): InsertStatement {
  const col = <T>(pick: (r: NewHouseholdRecord) => T): T[] => records.map(pick);
  return {
    sql: `INSERT INTO households (id, district_id, org_path, village_id, head_name, address, size, hardship_status, needs,
        is_migrant_member_household, resident_id_cipher, resident_id_index, mobile_cipher, mobile_index)
     SELECT u.id, u.district_id, u.org_path, u.village_id, u.head_name, u.address, u.size, u.hardship_status, u.needs::text[],
        u.is_migrant, u.rid_cipher, u.rid_index, u.mobile_cipher, u.mobile_index
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[],
                   $10::boolean[], $11::bytea[], $12::text[], $13::bytea[], $14::text[])
         AS u(id, district_id, org_path, village_id, head_name, address, size, hardship_status, needs, is_migrant,
              rid_cipher, rid_index, mobile_cipher, mobile_index)
     ON CONFLICT (resident_id_index) DO NOTHING
     RETURNING ${returning}`,
    params: [
      col((r) => r.id),
      col((r) => r.districtId),
      col((r) => r.orgPath),
      col((r) => r.villageId),
      col((r) => r.headName),
      col((r) => r.address),
      col((r) => r.size),
      col((r) => r.hardshipStatus),
      col((r) => pgTextArray(r.needs)),
      col((r) => r.isMigrantMemberHousehold),
      col((r) => (r.residentId ? cipher.encrypt(r.residentId) : null)),
      col((r) => (r.residentId ? cipher.blindIndex('resident-id', r.residentId) : null)),
      col((r) => (r.mobile ? cipher.encrypt(r.mobile) : null)),
      col((r) => (r.mobile ? cipher.blindIndex('mobile', r.mobile) : null)),
    ],
  };
}

export async function insertHouseholds(
  manager: EntityManager,
  cipher: PiiCipher,
  records: readonly NewHouseholdRecord[],
): Promise<Set<string>> {
  if (records.length === 0) return new Set();
  const { sql, params } = insertHouseholdsStatement(cipher, records);
  const rows = await manager.query<{ id: string }[]>(sql, params);
  return new Set(rows.map((r) => r.id));
}
