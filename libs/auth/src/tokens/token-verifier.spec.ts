import { SignJWT } from 'jose';
import { UnauthorizedError } from '@lianxin/platform-http';
import { claimsFromActor } from '../actor/actor';
import { DevIssuer } from './dev-issuer';
import { defaultTestActor, getTestIssuer, signTestToken, testVerifierOptions } from './test-tokens';
import { createTokenVerifier, type TokenVerifier } from './token-verifier';

const base64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('createTokenVerifier', () => {
  let verifier: TokenVerifier;
  let issuer: DevIssuer;

  beforeAll(async () => {
    issuer = await getTestIssuer();
    verifier = createTokenVerifier(await testVerifierOptions());
  });

  async function expectRejected(token: string, detail?: RegExp): Promise<void> {
    const outcome = verifier.verify(token);
    await expect(outcome).rejects.toBeInstanceOf(UnauthorizedError);
    if (detail) await expect(outcome).rejects.toThrow(detail);
  }

  it('accepts a valid RS256 token and returns the actor from its claims', async () => {
    await expect(verifier.verify(await signTestToken())).resolves.toEqual(defaultTestActor);
  });

  it('rejects alg none', async () => {
    const now = Math.floor(Date.now() / 1000);
    const payload = {
      ...claimsFromActor(defaultTestActor),
      iss: issuer.issuer,
      aud: issuer.audience,
      exp: now + 600,
    };
    await expectRejected(`${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}.`);
  });

  it('rejects an HS256 token signed with the public key as secret', async () => {
    const forged = await new SignJWT({ ...claimsFromActor({ ...defaultTestActor, roles: ['city_admin'] }) })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(issuer.issuer)
      .setAudience(issuer.audience)
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(issuer.publicKeyPem));
    await expectRejected(forged);
  });

  it('rejects an expired token, beyond the clock tolerance', async () => {
    await expectRejected(await signTestToken({}, { expiresInSec: -120 }), /expired/);
  });

  it('accepts a token expired within the 30 s clock tolerance', async () => {
    await expect(verifier.verify(await signTestToken({}, { expiresInSec: -10 }))).resolves.toBeDefined();
  });

  it('rejects a token that is not yet valid', async () => {
    await expectRejected(await signTestToken({}, { notBeforeInSec: 120 }));
  });

  it('rejects a wrong issuer and a wrong audience', async () => {
    await expectRejected(await signTestToken({}, { issuer: 'https://evil.example' }));
    await expectRejected(await signTestToken({}, { audience: 'another-app' }));
  });

  it('rejects a tampered payload', async () => {
    const [header, , signature] = (await signTestToken()).split('.');
    const now = Math.floor(Date.now() / 1000);
    const escalated = base64url({
      ...claimsFromActor({ ...defaultTestActor, roles: ['city_admin'], scope: '/lx/' }),
      iss: issuer.issuer,
      aud: issuer.audience,
      exp: now + 600,
    });
    await expectRejected(`${header}.${escalated}.${signature}`);
  });

  it('rejects a token signed by another key', async () => {
    const stranger = await DevIssuer.create({ issuer: issuer.issuer, audience: issuer.audience });
    await expectRejected(await stranger.signActor(defaultTestActor));
  });

  it('rejects garbage and tokens whose claims do not describe an actor', async () => {
    await expectRejected('not-a-token');
    await expectRejected(
      await issuer.sign({ sub: 'x', name: 'x', roles: ['emperor'], scope: '/lx/', district_id: null }),
    );
    await expectRejected(
      await issuer.sign({ sub: 'x', name: 'x', roles: ['member'], scope: 'lx', district_id: null }),
    );
  });

  it('verifies against a JWKS url', async () => {
    const jwks = await issuer.jwks();
    const { createServer } = await import('node:http');
    const server = createServer((_req, res) =>
      res.setHeader('content-type', 'application/json').end(JSON.stringify(jwks)),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const remote = createTokenVerifier({
        issuer: issuer.issuer,
        audience: issuer.audience,
        jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
      });
      await expect(remote.verify(await signTestToken())).resolves.toEqual(defaultTestActor);
    } finally {
      server.close();
    }
  });

  it('keeps working with a key persisted as PEM', async () => {
    const reloaded = await DevIssuer.create({
      issuer: issuer.issuer,
      audience: issuer.audience,
      privateKeyPem: await issuer.exportPrivateKeyPem(),
    });
    expect(reloaded.keyId).toBe(issuer.keyId);
    await expect(verifier.verify(await reloaded.signActor(defaultTestActor))).resolves.toEqual(
      defaultTestActor,
    );
  });
});
