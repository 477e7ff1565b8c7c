import { type Actor } from '@lianxin/auth';

/** Who asks, under which correlation id, and "now" (passed in so tests can move the clock). */
export interface CommandContext {
  readonly actor: Actor;
  readonly correlationId: string;
  readonly now: Date;
}

/** The district path of an actor's scope (`/lx/taoyuan/dahe/` → `/lx/taoyuan/`); null for city-wide scopes. */
export function districtPathOf(orgPath: string): string | null {
  const segments = orgPath.split('/').filter((segment) => segment.length > 0);
  return segments.length >= 2 ? `/${segments[0]}/${segments[1]}/` : null;
}

/**
 * Scope for reading a district's shared configuration and roster (quota rules, SLA rules, cadres'
 * loads): anyone inside a district may read what applies to the whole district. City-wide
 * scopes stay as they are.
 */
export function districtScopeOf(scope: string): string {
  return districtPathOf(scope) ?? scope;
}
