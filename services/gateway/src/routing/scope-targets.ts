/**
 * What a request says about the org scope it targets, read before forwarding (ADR 0006): org
 * paths (`orgPath`, `orgUnitPath`) and district ids (`districtId`) at the top level of the query
 * and of a JSON body. Ids of single rows (`unitId`, `memberId`…) cannot be placed in the tree
 * without asking the owning service, so those are left to its own scope check and RLS.
 */
export interface ScopeTargets {
  readonly orgPaths: readonly string[];
  readonly districtIds: readonly string[];
}

const ORG_PATH_FIELDS = ['orgPath', 'orgUnitPath'];
const DISTRICT_FIELDS = ['districtId'];

function valuesOf(source: unknown, fields: readonly string[]): string[] {
  if (typeof source !== 'object' || source === null || Array.isArray(source)) return [];
  const record = source as Record<string, unknown>;
  const found: string[] = [];
  for (const field of fields) {
    const value = record[field];
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (typeof item === 'string')
        found.push(
          ...item
            .split(',')
            .map((part) => part.trim())
            .filter((part) => part.length > 0),
        );
    }
  }
  return found;
}

export function collectScopeTargets(query: unknown, body: unknown): ScopeTargets {
  return {
    orgPaths: [...valuesOf(query, ORG_PATH_FIELDS), ...valuesOf(body, ORG_PATH_FIELDS)],
    districtIds: [...valuesOf(query, DISTRICT_FIELDS), ...valuesOf(body, DISTRICT_FIELDS)],
  };
}

export interface ScopedActor {
  readonly scope: string;
  readonly districtId: string | null;
}

/** The first target outside the actor's scope, described for the 403 detail; undefined if none. */
export function findScopeViolation(
  actor: ScopedActor,
  targets: ScopeTargets,
  isWithinScope: (scope: string, orgPath: string) => boolean,
): string | undefined {
  for (const orgPath of targets.orgPaths) {
    if (!isWithinScope(actor.scope, orgPath))
      return `org path ${orgPath} is outside your scope ${actor.scope}`;
  }
  // City-wide actors (no district) may name any district; everyone else only their own.
  if (actor.districtId !== null) {
    for (const districtId of targets.districtIds) {
      if (districtId.toLowerCase() !== actor.districtId.toLowerCase())
        return `district ${districtId} is not your district`;
    }
  }
  return undefined;
}
