import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDevSecrets } from './dev-secrets';

describe('ensureDevSecrets', () => {
  it('generates a matching RS256 key pair and a 32-byte PII key once, and returns the same ones afterwards', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lianxin-secrets-'));
    try {
      const first = ensureDevSecrets(dir);
      const derived = createPublicKey(createPrivateKey(first.issuerPrivateKeyPem)).export({
        type: 'spki',
        format: 'pem',
      });
      expect(derived).toBe(first.issuerPublicKeyPem);
      expect(Buffer.from(first.piiEncryptionKey, 'base64')).toHaveLength(32);
      expect(ensureDevSecrets(dir)).toEqual(first);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
