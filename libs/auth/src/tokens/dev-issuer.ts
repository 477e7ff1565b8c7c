import { randomUUID } from 'node:crypto';
import {
  calculateJwkThumbprint,
  exportJWK,
  exportPKCS8,
  exportSPKI,
  generateKeyPair,
  importPKCS8,
  SignJWT,
  type JWK,
  type JWTPayload,
  type KeyLike,
} from 'jose';
import { claimsFromActor, type Actor, type ActorClaims } from '../actor/actor';
import type { TokenVerifierOptions } from './token-verifier';

export interface DevIssuerOptions {
  readonly issuer: string;
  readonly audience: string;
  /** Reuse a key across restarts (PKCS#8 PEM); a fresh key pair is generated otherwise. */
  readonly privateKeyPem?: string;
}

export interface SignOptions {
  /** Lifetime from now. Default 3600 s. May be negative to mint an expired token in tests. */
  readonly expiresInSec?: number;
  /** Not valid before now + this many seconds. Default 0. */
  readonly notBeforeInSec?: number;
  /** Override `iss` / `aud` (tests of rejection). */
  readonly issuer?: string;
  readonly audience?: string;
}

export interface JsonWebKeySet {
  readonly keys: JWK[];
}

/**
 * A development identity provider: one RS256 key pair, signs tokens and publishes its JWKS.
 * The gateway serves it in the embedded default (never in production); tests sign with it.
 */
export class DevIssuer {
  private constructor(
    readonly issuer: string,
    readonly audience: string,
    private readonly privateKey: KeyLike,
    private readonly publicKey: KeyLike,
    readonly keyId: string,
    readonly publicKeyPem: string,
  ) {}

  static async create(options: DevIssuerOptions): Promise<DevIssuer> {
    const { privateKey, publicKey } = options.privateKeyPem
      ? await keyPairFromPem(options.privateKeyPem)
      : await generateKeyPair('RS256', { extractable: true });
    const jwk = await exportJWK(publicKey);
    const keyId = await calculateJwkThumbprint(jwk);
    return new DevIssuer(
      options.issuer,
      options.audience,
      privateKey,
      publicKey,
      keyId,
      await exportSPKI(publicKey),
    );
  }

  /** Signs a token for an actor (claims `sub`, `name`, `roles`, `scope`, `district_id`). */
  signActor(actor: Actor, options: SignOptions = {}): Promise<string> {
    return this.sign(claimsFromActor(actor), options);
  }

  /** Signs arbitrary claims; `iss`, `aud`, `iat`, `nbf`, `exp`, `jti` are set from the options. */
  async sign(claims: ActorClaims | JWTPayload, options: SignOptions = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.keyId })
      .setIssuer(options.issuer ?? this.issuer)
      .setAudience(options.audience ?? this.audience)
      .setIssuedAt(now)
      .setNotBefore(now + (options.notBeforeInSec ?? 0))
      .setExpirationTime(now + (options.expiresInSec ?? 3600))
      .setJti(randomUUID())
      .sign(this.privateKey);
  }

  /** The public key set to serve at the issuer's JWKS URL. */
  async jwks(): Promise<JsonWebKeySet> {
    const jwk = await exportJWK(this.publicKey);
    return { keys: [{ ...jwk, kid: this.keyId, alg: 'RS256', use: 'sig' }] };
  }

  /** PKCS#8 PEM of the private key, to persist the key under `.lianxin/` between restarts. */
  exportPrivateKeyPem(): Promise<string> {
    return exportPKCS8(this.privateKey);
  }

  /** Options for `createTokenVerifier` that accept this issuer's tokens (local key, no JWKS fetch). */
  verifierOptions(): TokenVerifierOptions {
    return { issuer: this.issuer, audience: this.audience, publicKeyPem: this.publicKeyPem };
  }
}

async function keyPairFromPem(privateKeyPem: string): Promise<{ privateKey: KeyLike; publicKey: KeyLike }> {
  const privateKey = await importPKCS8(privateKeyPem, 'RS256', { extractable: true });
  // Node KeyObjects can derive the public half; jose returns KeyObjects on Node.
  const { createPublicKey, KeyObject } = await import('node:crypto');
  if (!(privateKey instanceof KeyObject)) throw new Error('Expected a Node KeyObject');
  return { privateKey, publicKey: createPublicKey(privateKey) };
}
