import { maskMobile, maskResidentId } from './masking';
import { isValidMobile, normaliseMobile } from './mobile';

describe('mobile numbers', () => {
  it('accepts 11-digit numbers starting 13–19, with +86 and separators stripped', () => {
    expect(isValidMobile('13912345678')).toBe(true);
    expect(isValidMobile('+86 139-1234-5678')).toBe(true);
    expect(normaliseMobile('0086 19912345678')).toBe('19912345678');
  });

  it('rejects landlines, short numbers and 12x prefixes', () => {
    expect(isValidMobile('010-12345678')).toBe(false);
    expect(isValidMobile('1391234567')).toBe(false);
    expect(isValidMobile('12912345678')).toBe(false);
  });

  it('masks the middle of phones and ID numbers', () => {
    expect(maskMobile('13912345678')).toBe('139****5678');
    expect(maskResidentId('11010519491231002X')).toBe('110***********002X');
  });
});
