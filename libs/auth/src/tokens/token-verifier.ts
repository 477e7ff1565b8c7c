import { createRemoteJWKSet, errors, importSPKI, jwtVerify, type JWTVerifyGetKey, type KeyLike } from 'jose';
import { UnauthorizedError } from '@lianxin/platform-http';
import { actorFromClaims, type Actor } from '../actor/actor';

export interface TokenVerifierOptions {
  readonly issuer: string;
  readonly audience: string;
  /** OIDC provider (or the gateway's development issuer) JWKS endpoint. */
  readonly jwksUrl?: string;
  /** SPKI PEM public key, when keys are distributed as configuration instead of a JWKS URL. */
  readonly publicKeyPem?: string;
  /** Allowed clock skew for exp/nbf between hosts. Default 30 s. */
  readonly clockToleranceSec?: number;
}

export interface TokenVerifier {
  /** Verifies a compact JWS and returns the actor; throws `UnauthorizedError` (401) otherwise. */
  verify(token: string): Promise<Actor>;
}

/**
 * RS256 only: pinning the algorithm rejects `alg: none` and the classic attack of an HS256 token
 * "signed" with the public key as HMAC secret. jose checks exp, nbf, iss and aud; `exp` and `sub`
 * must be present.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const key = keySource(options);
  const verifyOptions = {
    issuer: options.issuer,
    audience: options.audience,
    algorithms: ['RS256'],
    clockTolerance: options.clockToleranceSec ?? 30,
    requiredClaims: ['exp', 'sub'],
  };
  return {
    async verify(token: string): Promise<Actor> {
      let payload: unknown;
      try {
        payload = (
          typeof key === 'function'
            ? await jwtVerify(token, key, verifyOptions)
            : await jwtVerify(token, await key, verifyOptions)
        ).payload;
      } catch (error) {
        throw new UnauthorizedError(
          error instanceof errors.JWTExpired ? 'Token has expired' : 'Token is invalid',
        );
      }
      const actor = actorFromClaims(payload);
      if (!actor) throw new UnauthorizedError('Token does not describe a Lianxin actor');
      return actor;
    },
  };
}

function keySource(options: TokenVerifierOptions): JWTVerifyGetKey | Promise<KeyLike> {
  if (options.jwksUrl && options.publicKeyPem) {
    throw new Error('Configure either jwksUrl or publicKeyPem for token verification, not both');
  }
  if (options.jwksUrl) return createRemoteJWKSet(new URL(options.jwksUrl));
  if (options.publicKeyPem) {
    const imported = importSPKI(options.publicKeyPem, 'RS256');
    // A bad PEM surfaces on the first verify (as a 401 there); don't crash the process meanwhile.
    imported.catch(() => undefined);
    return imported;
  }
  throw new Error('Token verification needs jwksUrl or publicKeyPem');
}
