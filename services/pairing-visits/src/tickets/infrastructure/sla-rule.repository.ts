import { type EntityManager } from 'typeorm';
import { type SlaRule } from '../domain/sla-policy';
import { SlaRuleOrmEntity } from './sla-rule.orm-entity';

/** A district's configured SLA rules (the defaults in the domain fill the gaps). */
export async function slaRulesFor(manager: EntityManager, districtId: string): Promise<SlaRule[]> {
  const rows = await manager.getRepository(SlaRuleOrmEntity).find({ where: { districtId } });
  return rows.map((row) => ({
    category: row.category,
    acceptWithinHours: row.acceptWithinHours,
    resolveWithinHours: row.resolveWithinHours,
  }));
}
