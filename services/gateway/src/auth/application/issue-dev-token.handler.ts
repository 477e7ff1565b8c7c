import { timingSafeEqual } from 'node:crypto';
import { NotFoundError, UnauthorizedError } from '@lianxin/platform-http';
import { type DevIssuer, type JsonWebKeySet } from '@lianxin/auth';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, findDemoAccount, type DemoAccount } from '../domain/demo-accounts';
import { type DemoAccountsResponse, type TokenRequest, type TokenResponse } from '../api/dev-issuer.schemas';

export interface DevIssuerSettings {
  readonly environment: 'development' | 'test' | 'production';
  readonly ttlSec: number;
}

function samePassword(given: string): boolean {
  const expected = Buffer.from(DEMO_PASSWORD);
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * The development identity provider: signs RS256 tokens for the demo accounts. Present only in
 * the embedded default; with NODE_ENV=production it refuses every request even if wired up.
 */
export class DevTokenIssuer {
  constructor(
    private readonly issuer: DevIssuer | undefined,
    private readonly settings: DevIssuerSettings,
  ) {}

  async issue(request: TokenRequest): Promise<{ response: TokenResponse; account: DemoAccount }> {
    const issuer = this.available();
    const account = findDemoAccount(request.username);
    // Same answer for an unknown user and a wrong password: don't reveal which accounts exist.
    if (!account || !samePassword(request.password))
      throw new UnauthorizedError('Unknown user or wrong password');
    const accessToken = await issuer.signActor(
      {
        id: account.id,
        name: account.name,
        roles: [account.role],
        scope: account.scope,
        districtId: account.districtId,
      },
      { expiresInSec: this.settings.ttlSec },
    );
    return { response: { accessToken, tokenType: 'Bearer', expiresIn: this.settings.ttlSec }, account };
  }

  demoAccounts(): DemoAccountsResponse {
    this.available();
    return {
      password: DEMO_PASSWORD,
      tokenEndpoint: 'POST /api/v1/auth/token {"username","password"}',
      accounts: DEMO_ACCOUNTS.map(({ username, role, district, districtId, scope }) => ({
        username,
        role,
        district,
        districtId,
        scope,
      })),
    };
  }

  jwks(): Promise<JsonWebKeySet> {
    return this.available().jwks();
  }

  private available(): DevIssuer {
    if (this.settings.environment === 'production' || !this.issuer) {
      throw new NotFoundError('The development issuer is disabled; tokens come from the OIDC provider');
    }
    return this.issuer;
  }
}
