import { NotFoundError } from '@lianxin/platform-http';
import type { EntityManager } from 'typeorm';
import { MEMBER_COLUMNS, type MemberRow } from './member-row';

export async function findMember(manager: EntityManager, id: string): Promise<MemberRow | undefined> {
  const rows = await manager.query<MemberRow[]>(`SELECT ${MEMBER_COLUMNS} FROM members WHERE id = $1`, [id]);
  return rows[0];
}

/** Hidden by scope and missing look the same: 404. */
export async function requireMember(
  manager: EntityManager,
  id: string,
  forUpdate = false,
): Promise<MemberRow> {
  const rows = await manager.query<MemberRow[]>(
    `SELECT ${MEMBER_COLUMNS} FROM members WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  if (!rows[0]) throw NotFoundError.of('member', id);
  return rows[0];
}

export function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const driverError =
    (error as { driverError?: { code?: string; constraint?: string } }).driverError ??
    (error as { code?: string; constraint?: string });
  return driverError.code === '23505' && driverError.constraint === constraint;
}
