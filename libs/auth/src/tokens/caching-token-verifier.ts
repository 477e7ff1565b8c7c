import { decodeJwt } from 'jose';
import { type Actor } from '../actor/actor';
import { type TokenVerifier } from './token-verifier';

export interface CachingTokenVerifierOptions {
  /** Same tolerance the wrapped verifier applies to `exp`/`nbf`. */
  readonly clockToleranceSec: number;
  readonly maxEntries: number;
  /** Longest time a verified token is trusted without re-checking its signature (key rotation). */
  readonly maxAgeMs: number;
  readonly now?: () => number;
}

interface Entry {
  readonly actor: Actor;
  readonly validFrom: number;
  readonly validUntil: number;
}

/**
 * Remembers tokens that verified, so a process pays one RSA verification per token per minute
 * instead of one per request (RSA verification was ~5% of a service's CPU on its write path). An entry is used only
 * inside the token's own `nbf`/`exp` window (with the same clock tolerance) and for at most
 * `maxAgeMs`, so expiry and a rotated-out signing key take effect as they would without it.
 * Keyed by the exact token string: any change to header, payload or signature is a miss.
 */
export class CachingTokenVerifier implements TokenVerifier {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;

  constructor(
    private readonly inner: TokenVerifier,
    private readonly options: CachingTokenVerifierOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  async verify(token: string): Promise<Actor> {
    const now = this.now();
    const hit = this.entries.get(token);
    if (hit) {
      if (now >= hit.validFrom && now < hit.validUntil) return hit.actor;
      this.entries.delete(token);
    }
    const actor = await this.inner.verify(token);
    const { exp, nbf } = decodeJwt(token);
    const toleranceMs = this.options.clockToleranceSec * 1000;
    if (typeof exp === 'number') {
      if (this.entries.size >= this.options.maxEntries) {
        // Maps iterate in insertion order: drop the oldest entry.
        const oldest = this.entries.keys().next();
        if (!oldest.done) this.entries.delete(oldest.value);
      }
      this.entries.set(token, {
        actor,
        validFrom: typeof nbf === 'number' ? nbf * 1000 - toleranceMs : Number.NEGATIVE_INFINITY,
        validUntil: Math.min(exp * 1000 + toleranceMs, now + this.options.maxAgeMs),
      });
    }
    return actor;
  }
}
