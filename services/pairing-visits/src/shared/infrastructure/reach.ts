import { NotFoundError } from '@lianxin/platform-http';
import { type EntityManager } from 'typeorm';
import { HouseholdOrmEntity } from '../../projections/infrastructure/household.orm-entity';

/**
 * Whether a row placed at `orgPath` is within an actor's reach: inside their scope, or placed
 * exactly on the village their scope lies below (a branch serving its village's households; ADR
 * 0009). The same rule as the `*_scope` RLS policies (migration 1763800006000), for use cases that run in the
 * district's scope and check the caller in code. Asks Postgres only when the row sits on an
 * ancestor of the scope.
 */
export async function withinReach(
  manager: EntityManager,
  actorScope: string,
  orgPath: string,
): Promise<boolean> {
  if (orgPath.startsWith(actorScope)) return true;
  if (!actorScope.startsWith(orgPath)) return false;
  const [row] = (await manager.query('SELECT pairing_village_above($1) AS village', [actorScope])) as {
    village: string | null;
  }[];
  return row?.village === orgPath;
}

/** An active household within the actor's reach (404 otherwise: existence is not leaked). */
export async function householdInReachOr404(
  manager: EntityManager,
  id: string,
  actorScope: string,
): Promise<HouseholdOrmEntity> {
  const household = await manager.getRepository(HouseholdOrmEntity).findOne({ where: { id } });
  if (!household || !household.active || !(await withinReach(manager, actorScope, household.orgPath)))
    throw NotFoundError.of('household', id);
  return household;
}
