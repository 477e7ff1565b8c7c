import type { Actor } from '../actor/actor';
import { DevIssuer, type SignOptions } from './dev-issuer';
import type { TokenVerifierOptions } from './token-verifier';

export const TEST_ISSUER = 'https://lianxin.test/issuer';
export const TEST_AUDIENCE = 'lianxin';

/** A district admin of the demo district 桃源县, the default subject of test tokens. */
export const defaultTestActor: Actor = {
  id: '0190a000-0000-7000-8000-00000000a001',
  name: '测试管理员',
  roles: ['district_admin'],
  scope: '/lx/taoyuan/',
  districtId: '0190a000-0000-7000-8000-000000000001',
};

let issuer: Promise<DevIssuer> | undefined;

/** One issuer per test process (key generation takes ~100 ms); its tokens pass `testVerifierOptions()`. */
export function getTestIssuer(): Promise<DevIssuer> {
  issuer ??= DevIssuer.create({ issuer: TEST_ISSUER, audience: TEST_AUDIENCE });
  return issuer;
}

/** A bearer token for `defaultTestActor` with `overrides` applied. */
export async function signTestToken(
  overrides: Partial<Actor> = {},
  options: SignOptions = {},
): Promise<string> {
  return (await getTestIssuer()).signActor({ ...defaultTestActor, ...overrides }, options);
}

/** Verifier options matching `signTestToken` (pass to `AuthModule.forRoot`). */
export async function testVerifierOptions(): Promise<TokenVerifierOptions> {
  return (await getTestIssuer()).verifierOptions();
}
