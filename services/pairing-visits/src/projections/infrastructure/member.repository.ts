import { NotFoundError } from '@lianxin/platform-http';
import { type EntityManager } from 'typeorm';
import { HouseholdOrmEntity } from './household.orm-entity';
import { MemberOrmEntity } from './member.orm-entity';

/** An active member visible in the current RLS scope, or a 404 (hidden and missing look the same). */
export async function activeMemberOr404(
  manager: EntityManager,
  id: string,
  districtId?: string,
): Promise<MemberOrmEntity> {
  const member = await manager.getRepository(MemberOrmEntity).findOne({ where: { id } });
  if (
    !member ||
    member.status !== 'active' ||
    (districtId !== undefined && member.districtId !== districtId)
  ) {
    throw NotFoundError.of('member', id);
  }
  return member;
}

/** An active household inside `scope`, or a 404. */
export async function householdInScopeOr404(
  manager: EntityManager,
  id: string,
  scope: string,
): Promise<HouseholdOrmEntity> {
  const household = await manager.getRepository(HouseholdOrmEntity).findOne({ where: { id } });
  if (!household || !household.active || !household.orgPath.startsWith(scope))
    throw NotFoundError.of('household', id);
  return household;
}
