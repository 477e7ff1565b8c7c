import { isIP } from 'node:net';

export const AUDITED_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type AuditedMethod = (typeof AUDITED_METHODS)[number];

/** One audited request, as stored and published. */
export interface AuditEntry {
  readonly id: string;
  readonly occurredAt: Date;
  readonly actorId: string;
  /** The role under which the request was allowed (the actor's first role otherwise). */
  readonly actorRole: string;
  readonly actorScope: string;
  readonly districtId: string | null;
  readonly method: AuditedMethod;
  /** Path without the query string: queries may hold search terms such as phone numbers. */
  readonly path: string;
  readonly targetIds: readonly string[];
  readonly status: number;
  readonly correlationId: string;
  readonly clientAddress: string;
}

export function isAuditedMethod(method: string): method is AuditedMethod {
  return (AUDITED_METHODS as readonly string[]).includes(method);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_TARGET_IDS = 100;

/**
 * Ids the request addressed: UUID path segments, then top-level `id`/`…Id` UUID fields of a JSON
 * body (`householdId`, `memberId`…), then the id in a `Location` answer of a create.
 */
export function extractTargetIds(path: string, body: unknown, location: string | undefined): string[] {
  const ids = new Set<string>();
  for (const segment of path.split('/')) if (UUID.test(segment)) ids.add(segment.toLowerCase());
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
      if ((key === 'id' || key.endsWith('Id')) && typeof value === 'string' && UUID.test(value))
        ids.add(value.toLowerCase());
    }
  }
  if (location) {
    const last = location.split('?')[0]?.split('/').pop();
    if (last && UUID.test(last)) ids.add(last.toLowerCase());
  }
  return [...ids].slice(0, MAX_TARGET_IDS);
}

/** `::ffff:10.0.0.1` → `10.0.0.1`; anything unparseable → `0.0.0.0` (the column and event need an IP). */
export function normaliseClientAddress(address: string | undefined): string {
  if (!address) return '0.0.0.0';
  const unmapped = address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
  return isIP(unmapped) === 0 ? '0.0.0.0' : unmapped;
}

/** Path without query string, clipped to the stored length. */
export function auditPath(originalUrl: string): string {
  const path = originalUrl.split('?')[0] ?? '/';
  return (path.startsWith('/') ? path : `/${path}`).slice(0, 512);
}
