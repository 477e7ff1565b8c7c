import { NotFoundError } from '@lianxin/platform-http';
import type { EntityManager } from 'typeorm';
import { prefixUpperBound } from '../../shared/domain/prefix-range';

export interface HouseholdRow {
  id: string;
  district_id: string | null;
  org_path: string;
  village_id: string;
  head_name: string;
  address: string;
  size: number;
  hardship_status: 'poor' | 'low_income' | 'extreme_hardship' | 'none';
  needs: string[];
  is_migrant_member_household: boolean;
  resident_id_cipher: Buffer | null;
  mobile_cipher: Buffer | null;
  active: boolean;
  version: number;
}

const COLUMNS =
  'id, district_id, org_path, village_id, head_name, address, size, hardship_status, needs, is_migrant_member_household, resident_id_cipher, mobile_cipher, active, version';

export async function requireHousehold(
  manager: EntityManager,
  id: string,
  forUpdate = false,
): Promise<HouseholdRow> {
  const rows = await manager.query<HouseholdRow[]>(
    `SELECT ${COLUMNS} FROM households WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  if (!rows[0]) throw NotFoundError.of('household', id);
  return rows[0];
}

/**
 * Households under `prefix`, and those on the village it lies below: a branch serves its
 * village's households (migration 1764000002000). The subtree is a range, not `LIKE`, so Postgres
 * can use the `org_path` index under row-level security (ADR 0008).
 */
export async function listHouseholds(
  manager: EntityManager,
  filter: {
    prefix: string;
    hardshipStatus: string | null;
    residentIdIndex: string | null;
    after: string | null;
    limit: number;
  },
): Promise<HouseholdRow[]> {
  return manager.query<HouseholdRow[]>(
    `SELECT ${COLUMNS} FROM households
      WHERE (org_path >= $1 AND org_path < $6 OR org_path = (SELECT registry_village_above($1)))
        AND active AND ($2::text IS NULL OR hardship_status = $2)
        AND ($3::text IS NULL OR resident_id_index = $3) AND ($4::uuid IS NULL OR id > $4)
      ORDER BY id LIMIT $5`,
    [
      filter.prefix,
      filter.hardshipStatus,
      filter.residentIdIndex,
      filter.after,
      filter.limit,
      prefixUpperBound(filter.prefix),
    ],
  );
}
