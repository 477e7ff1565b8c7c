// Secrets of the embedded default, generated once and kept in the data directory so tokens and
// encrypted columns survive restarts: the development issuer's RS256 key pair (the gateway signs,
// every service verifies) and the PII encryption key. Never used outside the embedded default.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DevSecrets {
  issuerPrivateKeyPem: string;
  issuerPublicKeyPem: string;
  /** base64 of 32 random bytes (AES-256-GCM). */
  piiEncryptionKey: string;
}

function readOrCreate(file: string, create: () => string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8');
  const value = create();
  writeFileSync(file, value, { mode: 0o600 });
  return value;
}

export function ensureDevSecrets(dataDir: string): DevSecrets {
  const issuerDir = join(dataDir, 'dev-issuer');
  const secretsDir = join(dataDir, 'secrets');
  mkdirSync(issuerDir, { recursive: true, mode: 0o700 });
  mkdirSync(secretsDir, { recursive: true, mode: 0o700 });

  const privateFile = join(issuerDir, 'private-key.pem');
  const publicFile = join(issuerDir, 'public-key.pem');
  if (!existsSync(privateFile) || !existsSync(publicFile)) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    writeFileSync(privateFile, privateKey, { mode: 0o600 });
    writeFileSync(publicFile, publicKey, { mode: 0o644 });
  }

  return {
    issuerPrivateKeyPem: readFileSync(privateFile, 'utf8'),
    issuerPublicKeyPem: readFileSync(publicFile, 'utf8'),
    piiEncryptionKey: readOrCreate(join(secretsDir, 'pii-encryption-key'), () =>
      randomBytes(32).toString('base64'),
    ).trim(),
  };
}
