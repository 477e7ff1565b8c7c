import { NotFoundError } from '@lianxin/platform-http';
import { type EntityManager } from 'typeorm';
import { PledgeOrmEntity } from './pledge.orm-entity';

export async function pledgeInScopeOr404(
  manager: EntityManager,
  id: string,
  scope: string,
): Promise<PledgeOrmEntity> {
  const pledge = await manager.getRepository(PledgeOrmEntity).findOne({ where: { id } });
  if (!pledge || !pledge.orgPath.startsWith(scope)) throw NotFoundError.of('pledge', id);
  return pledge;
}
