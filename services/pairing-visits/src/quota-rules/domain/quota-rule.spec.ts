import {
  DEFAULT_QUOTA_RULES,
  DEFAULT_RULE_SET,
  InvalidQuotaRuleError,
  ruleSetInForce,
  validateQuotaRules,
  type QuotaRuleSet,
} from './quota-rule';

describe('quota rules', () => {
  it('carries the targets of seed 000 by rank', () => {
    expect(DEFAULT_QUOTA_RULES.county_leader).toMatchObject({
      visits: 4,
      problemsSolved: 3,
      grassrootsDays: 100,
      minHouseholds: 5,
    });
    expect(DEFAULT_QUOTA_RULES.township_cadre).toMatchObject({
      visits: 8,
      problemsSolved: 2,
      grassrootsDays: 100,
    });
    expect(DEFAULT_QUOTA_RULES.other_cadre).toMatchObject({
      visits: 6,
      problemsSolved: 2,
      grassrootsDays: null,
      minHouseholds: 2,
      maxHouseholds: 3,
    });
    expect(DEFAULT_QUOTA_RULES.department_head).toMatchObject({
      visits: null,
      problemsSolved: null,
      grassrootsDays: 100,
    });
    expect(DEFAULT_QUOTA_RULES.section_chief_or_above.minHouseholds).toBe(5);
  });

  it('rejects a household range whose maximum is below its minimum', () => {
    const rules = {
      ...DEFAULT_QUOTA_RULES,
      other_cadre: { ...DEFAULT_QUOTA_RULES.other_cadre, minHouseholds: 4, maxHouseholds: 3 },
    };
    expect(() => validateQuotaRules(rules)).toThrow(InvalidQuotaRuleError);
  });

  it('picks the latest version in force on a date and falls back to the seed defaults', () => {
    const v1: QuotaRuleSet = {
      districtId: 'd',
      version: 1,
      effectiveFrom: '2026-01-01',
      rules: DEFAULT_QUOTA_RULES,
    };
    const v2: QuotaRuleSet = {
      districtId: 'd',
      version: 2,
      effectiveFrom: '2026-07-01',
      rules: DEFAULT_QUOTA_RULES,
    };
    expect(ruleSetInForce([v2, v1], '2026-03-01')).toBe(v1);
    expect(ruleSetInForce([v1, v2], '2026-07-01')).toBe(v2);
    expect(ruleSetInForce([v1, v2], '2025-12-31')).toBe(DEFAULT_RULE_SET);
  });
});
