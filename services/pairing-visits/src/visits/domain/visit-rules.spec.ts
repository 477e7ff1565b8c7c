import { assertVisitDate, countsTowardQuota, diffVisit, isEditable, VisitRuleError } from './visit-rules';

describe('visit diary rules', () => {
  const recordedAt = new Date('2026-03-01T08:00:00Z');
  it('allows edits for exactly seven days, then only corrections', () => {
    expect(isEditable(recordedAt, new Date('2026-03-08T08:00:00Z'))).toBe(true);
    expect(isEditable(recordedAt, new Date('2026-03-08T08:00:01Z'))).toBe(false);
  });

  it('refuses a visit dated after today', () => {
    expect(() => assertVisitDate('2026-03-02', '2026-03-01')).toThrow(VisitRuleError);
    expect(() => assertVisitDate('2026-03-01', '2026-03-01')).not.toThrow();
  });

  it('stops counting a visit only when the household says it did not happen', () => {
    expect(countsTowardQuota('not_confirmed')).toBe(false);
    expect(countsTowardQuota('unreachable')).toBe(true);
    expect(countsTowardQuota('unchecked')).toBe(true);
  });

  it('records only the fields a correction changes, with their old values', () => {
    const diff = diffVisit(
      { kind: 'home', visitDate: '2026-03-01', heard: 'roof leaks' },
      { kind: 'home', heard: 'roof leaks badly' },
    );
    expect(diff).toEqual({ previous: { heard: 'roof leaks' }, next: { heard: 'roof leaks badly' } });
  });
});
