import { type UpstreamShort } from '../../config/gateway-config';
import { OperationIndex, type OperationMatch, type OpenApiPathsDocument } from '../operation-index';
import { ROUTE_TABLE, findRoute, type RouteEntry } from '../route-table';

export interface UpstreamApi {
  readonly upstream: UpstreamShort;
  readonly document: Record<string, unknown>;
  readonly index: OperationIndex;
  readonly fetchedAt: Date;
}

export type LookupResult =
  | { readonly kind: 'found'; readonly match: OperationMatch }
  | { readonly kind: 'no-operation' }
  | { readonly kind: 'api-unknown' };

export interface UpstreamCatalogueOptions {
  readonly upstreams: Readonly<Partial<Record<UpstreamShort, string>>>;
  readonly refreshMs: number;
  /** A miss triggers a refetch at most this often per upstream (a newly deployed route). */
  readonly missRefetchMs: number;
  readonly fetchTimeoutMs: number;
  readonly table?: readonly RouteEntry[];
  readonly onError?: (upstream: UpstreamShort, error: unknown) => void;
}

/**
 * The upstreams' OpenAPI documents, fetched at start and refreshed: the source of the route →
 * permission mapping (`x-lianxin-action`, ADR 0006) and of the merged `/openapi.json`. When a
 * document cannot be fetched the last good one stays in use; with none at all, requests to that
 * service fail closed with 503.
 */
export class UpstreamCatalogue {
  private readonly apis = new Map<UpstreamShort, UpstreamApi>();
  private readonly lastAttempt = new Map<UpstreamShort, number>();
  private readonly inFlight = new Map<UpstreamShort, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private readonly table: readonly RouteEntry[];

  constructor(private readonly options: UpstreamCatalogueOptions) {
    this.table = options.table ?? ROUTE_TABLE;
  }

  configuredUpstreams(): UpstreamShort[] {
    return Object.keys(this.options.upstreams) as UpstreamShort[];
  }

  originOf(upstream: UpstreamShort): string | undefined {
    return this.options.upstreams[upstream];
  }

  /** Fetches every document once, then keeps refreshing in the background. */
  async start(): Promise<void> {
    await this.refreshAll();
    this.timer = setInterval(() => void this.refreshAll(), this.options.refreshMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async refreshAll(): Promise<void> {
    await Promise.all(this.configuredUpstreams().map((upstream) => this.refresh(upstream)));
  }

  refresh(upstream: UpstreamShort): Promise<void> {
    const running = this.inFlight.get(upstream);
    if (running) return running;
    const work = this.fetchDocument(upstream).finally(() => this.inFlight.delete(upstream));
    this.inFlight.set(upstream, work);
    return work;
  }

  /**
   * Fetches, now, the documents of upstreams that have none yet (an upstream that was not up when
   * the gateway started), at most once per `missRefetchMs` each, so the merged document does not
   * wait for the next background refresh.
   */
  async refreshMissing(): Promise<void> {
    const now = Date.now();
    const missing = this.configuredUpstreams().filter(
      (upstream) =>
        !this.apis.has(upstream) && now - (this.lastAttempt.get(upstream) ?? 0) >= this.options.missRefetchMs,
    );
    await Promise.all(missing.map((upstream) => this.refresh(upstream)));
  }

  api(upstream: UpstreamShort): UpstreamApi | undefined {
    return this.apis.get(upstream);
  }

  /** Routed paths of one upstream's document (its health and metrics paths stay internal). */
  routesTo(upstream: UpstreamShort): (path: string) => boolean {
    return (path) => findRoute(path, this.table)?.upstream === upstream;
  }

  async lookup(route: RouteEntry, method: string, path: string): Promise<LookupResult> {
    let api = this.apis.get(route.upstream);
    let match = api?.index.match(method, path);
    if (match) return { kind: 'found', match };
    const last = this.lastAttempt.get(route.upstream) ?? 0;
    if (Date.now() - last >= this.options.missRefetchMs) {
      await this.refresh(route.upstream);
      api = this.apis.get(route.upstream);
      match = api?.index.match(method, path);
      if (match) return { kind: 'found', match };
    }
    return api ? { kind: 'no-operation' } : { kind: 'api-unknown' };
  }

  private async fetchDocument(upstream: UpstreamShort): Promise<void> {
    this.lastAttempt.set(upstream, Date.now());
    const origin = this.options.upstreams[upstream];
    if (!origin) return;
    try {
      const response = await fetch(`${origin}/openapi.json`, {
        signal: AbortSignal.timeout(this.options.fetchTimeoutMs),
      });
      if (!response.ok) throw new Error(`GET ${origin}/openapi.json answered ${response.status}`);
      const document = (await response.json()) as unknown;
      if (typeof document !== 'object' || document === null || Array.isArray(document))
        throw new Error('openapi.json is not an object');
      const routed = this.routesTo(upstream);
      const operations = OperationIndex.fromDocument(upstream, document as OpenApiPathsDocument, routed);
      this.apis.set(upstream, {
        upstream,
        document: document as Record<string, unknown>,
        index: new OperationIndex(operations),
        fetchedAt: new Date(),
      });
    } catch (error) {
      this.options.onError?.(upstream, error);
    }
  }
}
