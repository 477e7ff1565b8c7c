import { NotFoundError } from '@lianxin/platform-http';
import type { EntityManager } from 'typeorm';

export interface PartyGroupRow {
  id: string;
  district_id: string | null;
  org_path: string;
  branch_id: string;
  name: string;
  group_type: string;
  responsibility_area: string | null;
  leader_member_id: string | null;
  formed_on: string;
  member_ids: string[];
  last_activity_on: string | null;
}

const SELECT = `SELECT g.id, g.district_id, g.org_path, g.branch_id, g.name, g.group_type, g.responsibility_area, g.leader_member_id,
    to_char(g.formed_on, 'YYYY-MM-DD') AS formed_on,
    COALESCE((SELECT array_agg(m.member_id ORDER BY m.joined_on, m.member_id) FROM party_group_members m WHERE m.party_group_id = g.id), '{}') AS member_ids,
    (SELECT to_char(max(a.held_on), 'YYYY-MM-DD') FROM party_group_activities a WHERE a.party_group_id = g.id) AS last_activity_on
  FROM party_groups g`;

export async function requireGroup(
  manager: EntityManager,
  id: string,
  forUpdate = false,
): Promise<PartyGroupRow> {
  if (forUpdate) await manager.query('SELECT id FROM party_groups WHERE id = $1 FOR UPDATE', [id]);
  const rows = await manager.query<PartyGroupRow[]>(`${SELECT} WHERE g.id = $1 AND g.active`, [id]);
  if (!rows[0]) throw NotFoundError.of('party group', id);
  return rows[0];
}

export async function listGroups(
  manager: EntityManager,
  prefix: string,
  limit: number,
  offset: number,
): Promise<PartyGroupRow[]> {
  return manager.query<PartyGroupRow[]>(
    `${SELECT} WHERE g.org_path LIKE $1 || '%' AND g.active ORDER BY g.org_path, g.name LIMIT $2 OFFSET $3`,
    [prefix, limit, offset],
  );
}

/** Active members of the branch among `ids` (members of other branches or scopes are not found). */
export async function membersOfBranch(
  manager: EntityManager,
  branchId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  const rows = await manager.query<{ id: string }[]>(
    `SELECT id FROM members WHERE id = ANY($1::uuid[]) AND branch_id = $2 AND status = 'active'`,
    [ids, branchId],
  );
  return new Set(rows.map((r) => r.id));
}
