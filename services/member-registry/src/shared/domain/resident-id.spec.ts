import { buildResidentId, checkResidentId, residentIdCheckChar } from './resident-id';

describe('resident ID numbers (GB 11643)', () => {
  it('accepts the standard example number', () => {
    expect(checkResidentId('11010519491231002X')).toEqual({
      ok: true,
      facts: { birthDate: '1949-12-31', gender: 'female' },
    });
  });

  it('accepts a lower-case x check character', () => {
    expect(checkResidentId('11010519491231002x').ok).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    expect(checkResidentId('110105194912310021')).toEqual({ ok: false, problem: 'checksum' });
  });

  it('rejects wrong length and letters', () => {
    expect(checkResidentId('1101051949123100')).toEqual({ ok: false, problem: 'format' });
    expect(checkResidentId('11010519491231A02X')).toEqual({ ok: false, problem: 'format' });
  });

  it('rejects a date that does not exist, even with a correct check digit', () => {
    expect(checkResidentId(buildResidentId('110105', '2023-02-29', 12))).toEqual({
      ok: false,
      problem: 'birth-date',
    });
    expect(checkResidentId(buildResidentId('110105', '2024-02-29', 12)).ok).toBe(true);
  });

  it('rejects a birth date in the future', () => {
    expect(checkResidentId(buildResidentId('110105', '2030-01-01', 12), { today: '2026-06-30' })).toEqual({
      ok: false,
      problem: 'birth-date',
    });
  });

  it('rejects a number inconsistent with the recorded birth date', () => {
    const id = buildResidentId('110105', '1980-05-06', 13);
    expect(checkResidentId(id, { birthDate: '1980-05-07' })).toEqual({
      ok: false,
      problem: 'birth-date-mismatch',
    });
    expect(checkResidentId(id, { birthDate: '1980-05-06' })).toEqual({
      ok: true,
      facts: { birthDate: '1980-05-06', gender: 'male' },
    });
  });

  it('computes X for a remainder of 2', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
  });
});
