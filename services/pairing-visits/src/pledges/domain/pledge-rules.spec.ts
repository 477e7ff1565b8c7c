import {
  assertDeadlineInYear,
  assertPledgeAllowance,
  PledgeRuleError,
  summariseRatings,
} from './pledge-rules';

describe('pledge rules', () => {
  it('allows five pledges a year and refuses a sixth', () => {
    expect(() => assertPledgeAllowance(4)).not.toThrow();
    expect(() => assertPledgeAllowance(5)).toThrow(PledgeRuleError);
  });

  it('keeps the deadline inside the pledge year', () => {
    expect(() => assertDeadlineInYear('2027-01-01', 2026)).toThrow(PledgeRuleError);
    expect(() => assertDeadlineInYear('2026-12-31', 2026)).not.toThrow();
  });

  it('summarises resident evaluations', () => {
    expect(summariseRatings(['satisfied', 'basically', 'unsatisfied', 'satisfied'])).toEqual({
      satisfied: 2,
      basically: 1,
      unsatisfied: 1,
      satisfactionRate: 0.75,
    });
    expect(summariseRatings([]).satisfactionRate).toBeNull();
  });
});
