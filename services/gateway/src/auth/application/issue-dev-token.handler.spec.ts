import { createTokenVerifier, DevIssuer } from '@lianxin/auth';
import { DEMO_ACCOUNTS } from '../domain/demo-accounts';
import { DevTokenIssuer } from './issue-dev-token.handler';

describe('DevTokenIssuer', () => {
  let issuer: DevIssuer;
  beforeAll(async () => {
    issuer = await DevIssuer.create({ issuer: 'lianxin-dev', audience: 'lianxin' });
  });

  it('signs RS256 tokens carrying the demo account’s role, scope and district', async () => {
    const tokens = new DevTokenIssuer(issuer, { environment: 'development', ttlSec: 600 });
    const { response } = await tokens.issue({ username: 'xishan.auditor', password: 'lianxin-demo' });
    const actor = await createTokenVerifier(issuer.verifierOptions()).verify(response.accessToken);
    expect(actor).toMatchObject({
      id: 'demo-xishan-auditor',
      roles: ['auditor'],
      scope: '/lx/xishan/',
      districtId: '0190a000-0000-7000-8000-000000000002',
    });
    expect(response.expiresIn).toBe(600);
  });

  it('refuses to issue, list accounts or publish keys in production', async () => {
    const tokens = new DevTokenIssuer(issuer, { environment: 'production', ttlSec: 600 });
    await expect(
      tokens.issue({ username: 'xishan.auditor', password: 'lianxin-demo' }),
    ).rejects.toMatchObject({ status: 404 });
    expect(() => tokens.demoAccounts()).toThrow(/disabled/);
    expect(() => tokens.jwks()).toThrow(/disabled/);
  });

  it('has one account per role in each demo district plus a city admin, all with valid scopes', () => {
    expect(DEMO_ACCOUNTS).toHaveLength(15);
    for (const account of DEMO_ACCOUNTS) expect(account.scope).toMatch(/^\/lx\/([a-z0-9-]+\/)*$/);
    expect(new Set(DEMO_ACCOUNTS.map((account) => account.username)).size).toBe(15);
  });
});
