import { randomBytes } from 'node:crypto';
import { PiiCipher } from './pii-cipher';

describe('PII cipher', () => {
  const cipher = new PiiCipher(randomBytes(32));

  it('round-trips and never stores the plain text', () => {
    const sealed = cipher.encrypt('11010519491231002X');
    expect(sealed.toString('latin1')).not.toContain('11010519491231002X');
    expect(cipher.decrypt(sealed)).toBe('11010519491231002X');
  });

  it('uses a fresh IV each time but a stable blind index', () => {
    expect(cipher.encrypt('13912345678').equals(cipher.encrypt('13912345678'))).toBe(false);
    expect(cipher.blindIndex('mobile', '13912345678')).toBe(cipher.blindIndex('mobile', '13912345678'));
    expect(cipher.blindIndex('mobile', '13912345678')).not.toBe(
      cipher.blindIndex('resident-id', '13912345678'),
    );
  });

  it('detects tampering', () => {
    const sealed = cipher.encrypt('13912345678');
    sealed[sealed.length - 1] ^= 1;
    expect(() => cipher.decrypt(sealed)).toThrow();
  });

  it('rejects a key of the wrong length', () => {
    expect(() => new PiiCipher(randomBytes(16))).toThrow('32 bytes');
  });
});
