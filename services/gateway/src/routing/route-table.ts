import { type UpstreamShort } from '../config/gateway-config';

/**
 * The gateway's routing table: which service owns which path prefix, and how long the gateway
 * waits for it. This is the ONE place to add a prefix when a service gains a resource. Which
 * permission each operation needs is not listed here: it comes from the owning service's
 * OpenAPI document (`x-lianxin-action`), so it cannot drift from what the service enforces
 * (ADR 0006).
 */
export interface RouteEntry {
  /** Path prefix, matched on whole segments (`/api/v1/members` matches `/api/v1/members/…`). */
  readonly prefix: string;
  readonly upstream: UpstreamShort;
  /** Time to the upstream's response headers, per attempt, for GET/HEAD. */
  readonly readTimeoutMs: number;
  /** Time to the upstream's response headers for writes (never retried). */
  readonly writeTimeoutMs: number;
  /** Request bodies are streamed to the upstream instead of buffered (CSV imports). */
  readonly streamBody: boolean;
  /** Unauthenticated resident-facing reads under `/public`. */
  readonly public: boolean;
}

const DEFAULT_READ_TIMEOUT_MS = 5_000;
const DEFAULT_WRITE_TIMEOUT_MS = 10_000;

function api(prefix: string, upstream: UpstreamShort, overrides: Partial<RouteEntry> = {}): RouteEntry {
  return {
    prefix,
    upstream,
    readTimeoutMs: DEFAULT_READ_TIMEOUT_MS,
    writeTimeoutMs: DEFAULT_WRITE_TIMEOUT_MS,
    streamBody: false,
    public: false,
    ...overrides,
  };
}

export const ROUTE_TABLE: readonly RouteEntry[] = Object.freeze([
  // member-registry (3101)
  api('/api/v1/org-units', 'registry'),
  api('/api/v1/members', 'registry'),
  api('/api/v1/households', 'registry'),
  api('/api/v1/party-groups', 'registry'),
  api('/api/v1/post-types', 'registry'),
  api('/api/v1/post-selections', 'registry'),
  api('/api/v1/member-cards', 'registry'),
  // Aggregations over a whole district can take a while.
  api('/api/v1/statistics', 'registry', { readTimeoutMs: 15_000 }),
  // CSV imports: streamed, larger bodies, long processing.
  api('/api/v1/imports', 'registry', { streamBody: true, writeTimeoutMs: 120_000 }),
  // pairing-visits (3102)
  api('/api/v1/pairings', 'pairing'),
  api('/api/v1/visits', 'pairing'),
  api('/api/v1/grassroots-days', 'pairing'),
  api('/api/v1/practical-matters', 'pairing'),
  api('/api/v1/tickets', 'pairing'),
  api('/api/v1/hotline', 'pairing'),
  api('/api/v1/pledges', 'pairing'),
  api('/api/v1/spot-checks', 'pairing'),
  api('/api/v1/quota-rules', 'pairing'),
  api('/api/v1/quota-progress', 'pairing', { readTimeoutMs: 15_000 }),
  api('/api/v1/coverage', 'pairing', { readTimeoutMs: 15_000 }),
  // `/public/...`: unauthenticated resident-facing reads, rate-limited per client address; the
  // caller's credentials are never passed on. The QR code on a printed member card leads here.
  api('/public/member-cards', 'registry', { public: true }),
]);

const SLASH = 0x2f;

/** Finds the owning route for a path (query string excluded), longest prefix first. */
export function findRoute(path: string, table: readonly RouteEntry[] = ROUTE_TABLE): RouteEntry | undefined {
  let best: RouteEntry | undefined;
  for (const entry of table) {
    // The prefix itself, or the prefix followed by '/': compared in place, because building
    // `${prefix}/` for every entry on every request was ~1.7 KB of garbage per forwarded GET.
    if (
      path.startsWith(entry.prefix) &&
      (path.length === entry.prefix.length || path.charCodeAt(entry.prefix.length) === SLASH)
    ) {
      if (!best || entry.prefix.length > best.prefix.length) best = entry;
    }
  }
  return best;
}
