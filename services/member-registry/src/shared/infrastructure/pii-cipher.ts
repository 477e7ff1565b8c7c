import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomFillSync } from 'node:crypto';

// Resident ID numbers and phones are stored encrypted (AES-256-GCM) and found by an HMAC-SHA256
// blind index. Two keys are derived from the one configured key so that the index key can never
// decrypt anything and the encryption key never appears in an index.
const FORMAT_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;
// IVs are drawn from the CSPRNG a few thousand at a time: one randomBytes call per value cost
// more than the encryption itself in bulk imports. Each IV is still 96 fresh random bits, used once.
const IV_POOL_SIZE = 4096 * IV_BYTES;

export type PiiKind = 'resident-id' | 'mobile';

export class PiiCipher {
  private readonly encryptionKey: Buffer;
  private readonly indexKey: Buffer;
  private readonly ivPool = Buffer.allocUnsafe(IV_POOL_SIZE);
  private ivOffset = IV_POOL_SIZE;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('PII encryption key must be 32 bytes');
    this.encryptionKey = Buffer.from(
      hkdfSync('sha256', masterKey, Buffer.alloc(0), 'lianxin-registry-pii-enc', 32),
    );
    this.indexKey = Buffer.from(
      hkdfSync('sha256', masterKey, Buffer.alloc(0), 'lianxin-registry-pii-idx', 32),
    );
  }

  static fromBase64(key: string): PiiCipher {
    return new PiiCipher(Buffer.from(key, 'base64'));
  }

  encrypt(plain: string): Buffer {
    if (this.ivOffset === IV_POOL_SIZE) {
      randomFillSync(this.ivPool);
      this.ivOffset = 0;
    }
    const iv = this.ivPool.subarray(this.ivOffset, this.ivOffset + IV_BYTES);
    this.ivOffset += IV_BYTES;
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    // GCM is a stream mode: the ciphertext is as long as the plain text, written in place.
    const body = cipher.update(plain, 'utf8');
    cipher.final();
    const sealed = Buffer.allocUnsafe(HEADER_BYTES + body.length);
    sealed[0] = FORMAT_VERSION;
    iv.copy(sealed, 1);
    cipher.getAuthTag().copy(sealed, 1 + IV_BYTES);
    body.copy(sealed, HEADER_BYTES);
    return sealed;
  }

  decrypt(sealed: Buffer): string {
    if (sealed[0] !== FORMAT_VERSION) throw new Error('Unknown PII cipher format');
    const iv = sealed.subarray(1, 1 + IV_BYTES);
    const tag = sealed.subarray(1 + IV_BYTES, HEADER_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed.subarray(HEADER_BYTES)), decipher.final()]).toString('utf8');
  }

  /** Deterministic index of a normalised value; the kind is mixed in so a phone never matches an ID. */
  blindIndex(kind: PiiKind, normalised: string): string {
    return createHmac('sha256', this.indexKey).update(`${kind}:${normalised}`).digest('base64url');
  }
}
