// Materialised org paths (`/lx/taoyuan/dahe/v-hongqi/b-01/`). The tree is city → district →
// township → village → branch, so depth tells the level; the projection of org units confirms it.
export function isWithinPath(scope: string, orgPath: string): boolean {
  return orgPath.startsWith(scope);
}

export function pathSegments(orgPath: string): string[] {
  return orgPath.split('/').filter((segment) => segment.length > 0);
}

/** The ancestor path with `depth` segments, or null when the path is shallower. */
export function ancestorAtDepth(orgPath: string, depth: number): string | null {
  const segments = pathSegments(orgPath);
  if (segments.length < depth) return null;
  return `/${segments.slice(0, depth).join('/')}/`;
}

export const DISTRICT_DEPTH = 2;
export const TOWNSHIP_DEPTH = 3;
export const VILLAGE_DEPTH = 4;

export function townshipOf(orgPath: string): string | null {
  return ancestorAtDepth(orgPath, TOWNSHIP_DEPTH);
}

export function villageOf(orgPath: string): string | null {
  return ancestorAtDepth(orgPath, VILLAGE_DEPTH);
}
