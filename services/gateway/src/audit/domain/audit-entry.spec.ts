import { auditPath, extractTargetIds, normaliseClientAddress } from './audit-entry';

describe('audit entry facts', () => {
  const member = '0190a1b2-0000-7000-8000-00000000000a';
  const household = '0190a1b2-0000-7000-8000-00000000000b';

  it('collects ids from path segments, body id fields and the Location of a create', () => {
    const created = '0190a1b2-0000-7000-8000-00000000000c';
    expect(
      extractTargetIds(
        `/api/v1/members/${member}/cards`,
        { householdId: household, note: member, name: 'x' },
        `/api/v1/visits/${created}`,
      ),
    ).toEqual([member, household, created]);
  });

  it('ignores ids inside free text and non-uuid id fields', () => {
    expect(
      extractTargetIds('/api/v1/visits', { id: 'abc', memberId: 42, note: `see ${member}` }, undefined),
    ).toEqual([]);
  });

  it('drops the query string, which may hold phone numbers', () => {
    expect(auditPath('/api/v1/households?phone=13800000000')).toBe('/api/v1/households');
  });

  it('unmaps IPv4-mapped IPv6 addresses and replaces garbage', () => {
    expect(normaliseClientAddress('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(normaliseClientAddress('::1')).toBe('::1');
    expect(normaliseClientAddress('not-an-ip')).toBe('0.0.0.0');
    expect(normaliseClientAddress(undefined)).toBe('0.0.0.0');
  });
});
