import type { EntityManager } from 'typeorm';
import { pgTextArray, type InsertStatement } from '../../shared/infrastructure/insert-statement';
import type { MemberAttributes } from '../domain/member-input';
import { isEthnicMinority } from '../domain/member-input';
import type { PiiCipher } from '../../shared/infrastructure/pii-cipher';

export interface MemberPlacement {
  readonly branchId: string;
  readonly districtId: string | null;
  readonly orgPath: string;
}

export interface NewMemberRecord extends MemberAttributes, MemberPlacement {
  readonly id: string;
}

/**
 * Inserts members with one statement (unnest of column arrays): one round trip for a single
 * registration or for a 2,000-row import batch. Rows whose ID number already exists anywhere in
 * the city are skipped, and their ids are missing from the result, so the caller can report a 409
 * or a row error without a second query that RLS would blind to other districts.
 */
export function insertMembersStatement(
  cipher: PiiCipher,
  records: readonly NewMemberRecord[],
  returning = 'id',
): InsertStatement {
  const col = <T>(pick: (r: NewMemberRecord) => T): T[] => records.map(pick);
  return {
    sql: `INSERT INTO members (id, district_id, org_path, branch_id, name, gender, ethnicity, ethnic_minority, birth_date,
        education_level, joined_at, mobile_cipher, mobile_index, resident_id_cipher, resident_id_index, category,
        has_post, cadre_rank, position, specialties, rural, phone_on_card)
     SELECT u.id, u.district_id, u.org_path, u.branch_id, u.name, u.gender, u.ethnicity, u.ethnic_minority, u.birth_date,
        u.education_level, u.joined_at, u.mobile_cipher, u.mobile_index, u.resident_id_cipher, u.resident_id_index,
        u.category, u.has_post, u.cadre_rank, u.position, u.specialties::text[], u.rural, u.phone_on_card
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::boolean[],
                   $9::date[], $10::text[], $11::date[], $12::bytea[], $13::text[], $14::bytea[], $15::text[], $16::text[],
                   $17::boolean[], $18::text[], $19::text[], $20::text[], $21::boolean[], $22::boolean[])
         AS u(id, district_id, org_path, branch_id, name, gender, ethnicity, ethnic_minority, birth_date, education_level,
              joined_at, mobile_cipher, mobile_index, resident_id_cipher, resident_id_index, category, has_post,
              cadre_rank, position, specialties, rural, phone_on_card)
     ON CONFLICT (resident_id_index) DO NOTHING
     RETURNING ${returning}`,
    params: [
      col((r) => r.id),
      col((r) => r.districtId),
      col((r) => r.orgPath),
      col((r) => r.branchId),
      col((r) => r.name),
      col((r) => r.gender),
      col((r) => r.ethnicity),
      col((r) => isEthnicMinority(r.ethnicity)),
      col((r) => r.birthDate),
      col((r) => r.educationLevel),
      col((r) => r.joinedAt),
      col((r) => cipher.encrypt(r.mobile)),
      col((r) => cipher.blindIndex('mobile', r.mobile)),
      col((r) => cipher.encrypt(r.residentId)),
      col((r) => cipher.blindIndex('resident-id', r.residentId)),
      col((r) => r.category),
      col((r) => r.hasPost),
      col((r) => r.cadreRank),
      col((r) => r.position),
      col((r) => pgTextArray(r.specialties)),
      col((r) => r.rural),
      col((r) => r.phoneOnCard),
    ],
  };
}

export async function insertMembers(
  manager: EntityManager,
  cipher: PiiCipher,
  records: readonly NewMemberRecord[],
): Promise<Set<string>> {
  if (records.length === 0) return new Set();
  const { sql, params } = insertMembersStatement(cipher, records);
  const rows = await manager.query<{ id: string }[]>(sql, params);
  return new Set(rows.map((r) => r.id));
}
