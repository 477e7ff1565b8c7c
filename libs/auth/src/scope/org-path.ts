/**
 * An org path is a materialised path of unit codes that starts and ends with `/`:
 * `/lx/taoyuan/dahe/`. `/` alone is the system scope (relays, consumers, migrations).
 */
const orgPathPattern = /^\/(?:[a-z0-9][a-z0-9-]{0,39}\/)*$/;

export function isOrgPath(value: string): boolean {
  return orgPathPattern.test(value);
}

/**
 * True when `orgPath` lies under `actorScope` (or is it). Prefix matching is only correct because
 * both end with `/`: `/hz/xihu/` covers `/hz/xihu/dahe/` but not `/hz/xihu2/`. Malformed input
 * is never within scope.
 */
export function isWithinScope(actorScope: string, orgPath: string): boolean {
  return isOrgPath(actorScope) && isOrgPath(orgPath) && orgPath.startsWith(actorScope);
}
