export { ROLES, type Role } from './actor/roles';
export {
  actorClaimsSchema,
  actorFromClaims,
  claimsFromActor,
  type Actor,
  type ActorClaims,
} from './actor/actor';
export { createTokenVerifier, type TokenVerifier, type TokenVerifierOptions } from './tokens/token-verifier';
export { CachingTokenVerifier, type CachingTokenVerifierOptions } from './tokens/caching-token-verifier';
export { DevIssuer, type DevIssuerOptions, type SignOptions, type JsonWebKeySet } from './tokens/dev-issuer';
export {
  signTestToken,
  testVerifierOptions,
  getTestIssuer,
  defaultTestActor,
  TEST_ISSUER,
  TEST_AUDIENCE,
} from './tokens/test-tokens';
export { PERMISSION_MATRIX, ACTIONS, type Action } from './permissions/permission-matrix';
export { can, assertPermission, isAction } from './permissions/can';
export { renderPermissionMatrixMarkdown } from './permissions/render-matrix';
export { isOrgPath, isWithinScope } from './scope/org-path';
export { assertInScope, type AssertInScopeOptions } from './scope/assert-in-scope';
export { setRlsScope, type ScopedQueryRunner } from './scope/rls';
export { AuthModule, type AuthModuleOptions } from './nest/auth.module';
export { AuthGuard, TOKEN_VERIFIER, bearerToken } from './nest/auth.guard';
export { CurrentActor } from './nest/current-actor.decorator';
export { RequirePermission } from './nest/require-permission.decorator';
export { actorOfRequest, rememberActor } from './nest/actor-of-request';
export { Public } from '@lianxin/platform-http';
