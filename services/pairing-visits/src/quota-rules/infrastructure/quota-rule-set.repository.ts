import { type EntityManager } from 'typeorm';
import { DEFAULT_RULE_SET, ruleSetInForce, type QuotaRuleSet } from '../domain/quota-rule';
import { QuotaRuleSetOrmEntity } from './quota-rule-set.orm-entity';

export function toRuleSet(row: QuotaRuleSetOrmEntity): QuotaRuleSet {
  return {
    districtId: row.districtId,
    version: row.version,
    effectiveFrom: row.effectiveFrom,
    rules: row.rules,
  };
}

/** The district's rule set in force on a date (seed 000 defaults when the district has none). */
export async function ruleSetFor(
  manager: EntityManager,
  districtId: string | null,
  onDate: string,
): Promise<QuotaRuleSet> {
  if (districtId === null) return DEFAULT_RULE_SET;
  const rows = await manager.getRepository(QuotaRuleSetOrmEntity).find({ where: { districtId } });
  return ruleSetInForce(rows.map(toRuleSet), onDate);
}
