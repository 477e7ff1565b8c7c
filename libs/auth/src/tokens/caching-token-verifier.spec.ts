import { UnauthorizedError } from '@lianxin/platform-http';
import { type Actor } from '../actor/actor';
import { CachingTokenVerifier } from './caching-token-verifier';
import { DevIssuer } from './dev-issuer';
import { createTokenVerifier } from './token-verifier';

const actor: Actor = {
  id: 'u1',
  name: 'n',
  roles: ['auditor'],
  scope: '/lx/taoyuan/',
  districtId: '0190a000-0000-7000-8000-000000000001',
};

describe('CachingTokenVerifier', () => {
  let issuer: DevIssuer;
  beforeAll(async () => {
    issuer = await DevIssuer.create({ issuer: 'lianxin-dev', audience: 'lianxin' });
  });

  function setup(now: { value: number }) {
    const inner = createTokenVerifier({ ...issuer.verifierOptions(), clockToleranceSec: 30 });
    const calls = { count: 0 };
    const counting = { verify: (token: string) => ((calls.count += 1), inner.verify(token)) };
    return {
      calls,
      verifier: new CachingTokenVerifier(counting, {
        clockToleranceSec: 30,
        maxEntries: 2,
        maxAgeMs: 60_000,
        now: () => now.value,
      }),
    };
  }

  it('verifies a token once and answers later requests from memory', async () => {
    const now = { value: Date.now() };
    const { calls, verifier } = setup(now);
    const token = await issuer.signActor(actor);
    await verifier.verify(token);
    await expect(verifier.verify(token)).resolves.toMatchObject({ id: 'u1' });
    expect(calls.count).toBe(1);
  });

  it('re-verifies after maxAge and once the token is past exp plus the tolerance', async () => {
    const now = { value: Date.now() };
    let calls = 0;
    // A wrapped verifier that always accepts: only the cache decides when it is asked again.
    const verifier = new CachingTokenVerifier(
      { verify: () => ((calls += 1), Promise.resolve(actor)) },
      { clockToleranceSec: 30, maxEntries: 10, maxAgeMs: 60_000, now: () => now.value },
    );
    const token = await issuer.signActor(actor, { expiresInSec: 90 });
    await verifier.verify(token);
    now.value += 59_000;
    await verifier.verify(token);
    expect(calls).toBe(1);
    now.value += 2_000;
    await verifier.verify(token);
    expect(calls).toBe(2);
    now.value += 60_000; // past exp (90 s) + 30 s tolerance
    await verifier.verify(token);
    expect(calls).toBe(3);
  });

  it('never caches a token that failed, and treats a tampered token as a different one', async () => {
    const now = { value: Date.now() };
    const { verifier } = setup(now);
    const token = await issuer.signActor(actor);
    await verifier.verify(token);
    const [header, payload, signature] = token.split('.');
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()), scope: '/lx/' })).toString('base64url')}.${signature}`;
    await expect(verifier.verify(tampered)).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(verifier.verify(tampered)).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('keeps at most maxEntries tokens', async () => {
    const now = { value: Date.now() };
    const { calls, verifier } = setup(now);
    const tokens = await Promise.all([1, 2, 3].map((n) => issuer.signActor({ ...actor, id: `u${n}` })));
    for (const token of tokens) await verifier.verify(token);
    await verifier.verify(tokens[0] ?? '');
    expect(calls.count).toBe(4);
  });
});
