import { buildOpenApiDocument, getApiRoute, type RouteDescription } from '@lianxin/platform-http';
import { type UpstreamCatalogue } from '../../routing/infrastructure/upstream-catalogue';
import { findRoute } from '../../routing/route-table';
import { mergeOpenApiDocuments, type JsonObject, type UpstreamDocument } from '../domain/merge-openapi';

/** A gateway route to describe: controller class, handler name, HTTP method and path. */
export interface OwnRoute {
  readonly controller: { readonly name: string; readonly prototype: object };
  readonly handler: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly isPublic: boolean;
}

const DESCRIPTION = [
  'Every Lianxin API behind one door. The gateway verifies the bearer token, checks the role',
  'against the permission matrix (`x-lianxin-action` on each operation) and the org scope the',
  'request names, rate-limits, audits writes, and forwards to the owning service',
  '(`x-lianxin-upstream`). Errors are application/problem+json with a correlationId.',
].join(' ');

/**
 * `/openapi.json` of the gateway: its own routes plus the upstreams' documents as last fetched.
 * Rebuilt only when an upstream document changed.
 */
export class MergedOpenApiService {
  private cached: { key: string; document: JsonObject } | undefined;
  private readonly ownDocument: JsonObject;

  constructor(
    private readonly catalogue: UpstreamCatalogue,
    ownRoutes: readonly OwnRoute[],
    private readonly version: string,
  ) {
    const routes: RouteDescription[] = ownRoutes.map((route) => ({
      method: route.method,
      path: route.path,
      operationId: `${route.controller.name}_${route.handler}`,
      isPublic: route.isPublic,
      idempotent: false,
      api: getApiRoute(Reflect.get(route.controller.prototype, route.handler) as object),
      inputs: {},
    }));
    this.ownDocument = buildOpenApiDocument({ title: 'gateway', version }, routes);
  }

  async document(): Promise<JsonObject> {
    await this.catalogue.refreshMissing();
    const upstreams: UpstreamDocument[] = [];
    const versions: string[] = [];
    for (const upstream of this.catalogue.configuredUpstreams()) {
      const api = this.catalogue.api(upstream);
      if (!api) continue;
      upstreams.push({ upstream, document: api.document, routes: this.catalogue.routesTo(upstream) });
      versions.push(`${upstream}@${api.fetchedAt.getTime()}`);
    }
    const key = versions.join(',');
    if (this.cached?.key !== key) {
      this.cached = {
        key,
        document: mergeOpenApiDocuments(this.ownDocument, upstreams, {
          title: 'Lianxin API',
          version: this.version,
          description: DESCRIPTION,
          isPublicPath: (path) => findRoute(path)?.public === true || path.startsWith('/public/'),
        }),
      };
    }
    return this.cached.document;
  }
}
