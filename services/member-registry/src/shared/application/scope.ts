import { NotFoundError } from '@lianxin/platform-http';
import type { EntityManager } from 'typeorm';

// Units are looked up through row-level security: a unit outside the actor's scope simply is not
// there, which gives the 404 the conventions ask for without a second code path.

export interface UnitRow {
  id: string;
  parent_id: string | null;
  code: string;
  name: string;
  level: 'city' | 'district' | 'township' | 'village' | 'branch';
  kind: string;
  rural: boolean;
  district_id: string | null;
  org_path: string;
  depth: number;
  active: boolean;
  version: number;
}

export async function findUnit(manager: EntityManager, id: string): Promise<UnitRow | undefined> {
  const rows = await manager.query<UnitRow[]>('SELECT * FROM org_units WHERE id = $1', [id]);
  return rows[0];
}

export async function requireUnit(
  manager: EntityManager,
  id: string,
  resource = 'org unit',
): Promise<UnitRow> {
  const unit = await findUnit(manager, id);
  if (!unit) throw NotFoundError.of(resource, id);
  return unit;
}
