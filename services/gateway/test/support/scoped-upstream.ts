import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { z } from 'zod';
import {
  ACTIONS,
  can,
  createTokenVerifier,
  isWithinScope,
  type Action,
  type Actor,
  type TokenVerifierOptions,
} from '@lianxin/auth';

/**
 * A small real HTTP service standing in for member-registry / pairing-visits in gateway tests.
 * It behaves like the services do where security is concerned: verifies the token again, checks
 * the permission matrix, hides rows outside the caller's scope (404), refuses writes into another
 * scope (403), rejects unknown body/query fields (400), and serves an `/openapi.json` whose
 * operations carry `x-lianxin-action` — generated from the one permission matrix.
 */

export const DISTRICTS = {
  taoyuan: {
    id: '0190a000-0000-7000-8000-000000000001',
    path: '/lx/taoyuan/',
    township: '/lx/taoyuan/dahe/',
  },
  xishan: { id: '0190a000-0000-7000-8000-000000000002', path: '/lx/xishan/', township: '/lx/xishan/zhenzi/' },
} as const;
export type DistrictCode = keyof typeof DISTRICTS;

/** Matrix resource → gateway prefix and owning upstream. */
export const RESOURCE_PREFIXES: Readonly<
  Record<string, { prefix: string; upstream: 'registry' | 'pairing' }>
> = {
  'registry.org-unit': { prefix: '/api/v1/org-units', upstream: 'registry' },
  'registry.member': { prefix: '/api/v1/members', upstream: 'registry' },
  'registry.household': { prefix: '/api/v1/households', upstream: 'registry' },
  'registry.party-group': { prefix: '/api/v1/party-groups', upstream: 'registry' },
  'registry.post': { prefix: '/api/v1/post-types', upstream: 'registry' },
  'registry.statistics': { prefix: '/api/v1/statistics', upstream: 'registry' },
  'pairing.pairing': { prefix: '/api/v1/pairings', upstream: 'pairing' },
  'pairing.visit': { prefix: '/api/v1/visits', upstream: 'pairing' },
  'pairing.ticket': { prefix: '/api/v1/tickets', upstream: 'pairing' },
  'pairing.pledge': { prefix: '/api/v1/pledges', upstream: 'pairing' },
  'pairing.spot-check': { prefix: '/api/v1/spot-checks', upstream: 'pairing' },
  'pairing.quota': { prefix: '/api/v1/quota-rules', upstream: 'pairing' },
};

export type RouteKind = 'list' | 'get' | 'create' | 'update' | 'verb' | 'sensitive' | 'import';

export interface FakeRoute {
  readonly upstream: 'registry' | 'pairing';
  readonly action: Action;
  readonly kind: RouteKind;
  readonly method: 'GET' | 'POST' | 'PATCH';
  /** OpenAPI template. */
  readonly template: string;
  readonly prefix: string;
  readonly verb: string;
}

export interface Row {
  readonly id: string;
  readonly orgPath: string;
  readonly districtId: string;
}

function rowId(resourceIndex: number, district: DistrictCode): string {
  const n = resourceIndex * 2 + (district === 'taoyuan' ? 1 : 2);
  return `0190b000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** The routes generated from the permission matrix for the resources the gateway routes. */
export function fakeRoutes(): FakeRoute[] {
  const routes: FakeRoute[] = [];
  for (const action of ACTIONS) {
    const [service, resource, verb] = action.split('.') as [string, string, string];
    const mapping = RESOURCE_PREFIXES[`${service}.${resource}`];
    if (!mapping) continue;
    const base = { upstream: mapping.upstream, action, prefix: mapping.prefix, verb };
    if (verb === 'read') {
      routes.push({ ...base, kind: 'list', method: 'GET', template: mapping.prefix });
      routes.push({ ...base, kind: 'get', method: 'GET', template: `${mapping.prefix}/{id}` });
    } else if (verb === 'read-sensitive') {
      routes.push({
        ...base,
        kind: 'sensitive',
        method: 'GET',
        template: `${mapping.prefix}/{id}/sensitive`,
      });
    } else if (action === 'registry.member.import') {
      routes.push({
        upstream: 'registry',
        action,
        prefix: '/api/v1/imports',
        verb,
        kind: 'import',
        method: 'POST',
        template: '/api/v1/imports',
      });
    } else if (verb === 'write') {
      routes.push({ ...base, kind: 'create', method: 'POST', template: mapping.prefix });
      routes.push({ ...base, kind: 'update', method: 'PATCH', template: `${mapping.prefix}/{id}` });
    } else {
      routes.push({ ...base, kind: 'verb', method: 'POST', template: `${mapping.prefix}/{id}/${verb}` });
    }
  }
  return routes;
}

/** One row per district for every resource, at the district's demo township. */
export function fakeRows(): Map<string, Row[]> {
  const rows = new Map<string, Row[]>();
  Object.values(RESOURCE_PREFIXES).forEach(({ prefix }, index) => {
    rows.set(
      prefix,
      (Object.keys(DISTRICTS) as DistrictCode[]).map((code) => ({
        id: rowId(index, code),
        orgPath: DISTRICTS[code].township,
        districtId: DISTRICTS[code].id,
      })),
    );
  });
  return rows;
}

const createBody = z.strictObject({
  orgPath: z.string().min(1).max(200),
  name: z.string().min(1).max(100),
  count: z.number().int().min(0).max(1000).optional(),
});
const updateBody = z.strictObject({ name: z.string().min(1).max(100) });
const verbBody = z.strictObject({ note: z.string().max(200).optional() });
const listQuery = z.strictObject({
  orgPath: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
const emptyQuery = z.strictObject({});

const problemRef = { $ref: '#/components/schemas/Problem' };
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemRef } },
});

function operationFor(route: FakeRoute): Record<string, unknown> {
  const idParam = route.template.includes('{id}')
    ? [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }]
    : [];
  const query =
    route.kind === 'list' || route.kind === 'import'
      ? [
          { name: 'orgPath', in: 'query', required: false, schema: { type: 'string', maxLength: 200 } },
          {
            name: 'limit',
            in: 'query',
            required: false,
            schema: { type: 'integer', minimum: 1, maximum: 100 },
          },
        ]
      : [];
  const body =
    route.kind === 'create'
      ? z.toJSONSchema(createBody)
      : route.kind === 'update'
        ? z.toJSONSchema(updateBody)
        : route.kind === 'verb'
          ? z.toJSONSchema(verbBody)
          : undefined;
  if (body) delete (body as Record<string, unknown>)['$schema'];
  return {
    operationId: `${route.kind}_${route.action.replace(/[.-]/g, '_')}`,
    summary: `${route.kind} (${route.action})`,
    'x-lianxin-action': route.action,
    ...(idParam.length + query.length > 0 ? { parameters: [...idParam, ...query] } : {}),
    ...(route.kind === 'import'
      ? { requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } } }
      : {}),
    ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: body } } } } : {}),
    responses: {
      [route.kind === 'create' ? '201' : route.kind === 'import' ? '202' : '200']: {
        description: 'ok',
        content: { 'application/json': { schema: { type: 'object' } } },
      },
      '400': problem('Validation failed'),
      '401': problem('Unauthorized'),
      '403': problem('Forbidden'),
      '404': problem('Not found'),
      '500': problem('Unexpected'),
    },
  };
}

/** The registry's public card route (no token, no action), as the real service declares it. */
export const PUBLIC_CARD_TEMPLATE = '/public/member-cards/{cardId}';
export const PUBLIC_CARD_ID = '0190d000-0000-7000-8000-000000000001';

function publicCardOperation(): Record<string, unknown> {
  return {
    operationId: 'getPublicMemberCard',
    summary: 'A printed member card (no token)',
    security: [],
    parameters: [{ name: 'cardId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
    responses: {
      '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } },
      '400': problem('Validation failed'),
      '404': problem('Not found'),
      '500': problem('Unexpected'),
    },
  };
}

export function fakeOpenApi(
  upstream: 'registry' | 'pairing',
  routes: readonly FakeRoute[],
): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes.filter((item) => item.upstream === upstream)) {
    paths[route.template] = { ...paths[route.template], [route.method.toLowerCase()]: operationFor(route) };
  }
  if (upstream === 'registry') paths[PUBLIC_CARD_TEMPLATE] = { get: publicCardOperation() };
  return {
    openapi: '3.1.0',
    info: { title: `fake ${upstream}`, version: '1.0.0' },
    paths: { ...paths, '/health/live': { get: { responses: { '200': { description: 'ok' } } } } },
    components: {
      schemas: {
        Problem: {
          type: 'object',
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            instance: { type: 'string' },
            correlationId: { type: 'string' },
          },
          required: ['type', 'title', 'status', 'detail', 'instance', 'correlationId'],
        },
      },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
    security: [{ bearer: [] }],
  };
}

export interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export interface ScopedUpstream {
  readonly origin: string;
  readonly received: ReceivedRequest[];
  close(): Promise<void>;
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  correlationId: string,
  headers: Record<string, string> = {},
): void {
  const isProblem = status >= 400;
  res.writeHead(status, {
    'content-type': isProblem ? 'application/problem+json' : 'application/json',
    'x-correlation-id': correlationId,
    ...headers,
  });
  res.end(
    JSON.stringify(
      isProblem
        ? {
            type: 'urn:lianxin:problem:x',
            title: 'x',
            status,
            detail: String(body),
            instance: '/',
            correlationId,
          }
        : body,
    ),
  );
}

/** Like the registry: 400 naming `cardId` for a malformed id, 404 for an unknown card. */
function sendPublicCard(res: ServerResponse, cardId: string, correlationId: string): void {
  if (!z.uuid().safeParse(cardId).success) {
    res.writeHead(400, { 'content-type': 'application/problem+json', 'x-correlation-id': correlationId });
    res.end(
      JSON.stringify({
        type: 'urn:lianxin:problem:validation',
        title: 'Validation failed',
        status: 400,
        detail: 'Invalid path parameters',
        instance: `/public/member-cards/${cardId}`,
        correlationId,
        errors: [{ field: 'cardId', message: 'Invalid UUID' }],
      }),
    );
    return;
  }
  if (cardId !== PUBLIC_CARD_ID) return send(res, 404, 'no such card', correlationId);
  send(
    res,
    200,
    { cardId, name: '张三', post: '党员中心户', phone: null, serviceItems: [], pledgeText: 'x', motto: 'x' },
    correlationId,
  );
}

function matchTemplate(template: string, path: string): Record<string, string> | undefined {
  const a = template.split('/');
  const b = path.split('/');
  if (a.length !== b.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < a.length; i += 1) {
    const t = a[i] ?? '';
    const p = b[i] ?? '';
    if (t.startsWith('{')) params[t.slice(1, -1)] = decodeURIComponent(p);
    else if (t !== p) return undefined;
  }
  return params;
}

export async function startScopedUpstream(
  upstream: 'registry' | 'pairing',
  verifierOptions: TokenVerifierOptions,
  routes: readonly FakeRoute[] = fakeRoutes(),
): Promise<ScopedUpstream> {
  const verifier = createTokenVerifier(verifierOptions);
  const mine = routes.filter((route) => route.upstream === upstream);
  const rows = fakeRows();
  const document = fakeOpenApi(upstream, routes);
  const received: ReceivedRequest[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse, raw: string): Promise<void> => {
    const correlationId = String(req.headers['x-correlation-id'] ?? 'none');
    const url = new URL(req.url ?? '/', 'http://upstream');
    if (url.pathname === '/openapi.json') return send(res, 200, document, correlationId);
    received.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: raw });
    const cardId =
      upstream === 'registry' && req.method === 'GET'
        ? matchTemplate(PUBLIC_CARD_TEMPLATE, url.pathname)?.['cardId']
        : undefined;
    if (cardId !== undefined) return sendPublicCard(res, cardId, correlationId);
    const route = mine
      .map((item) => ({
        item,
        params: item.method === req.method ? matchTemplate(item.template, url.pathname) : undefined,
      }))
      .find((m) => m.params);
    if (!route?.params) return send(res, 404, 'no route', correlationId);
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    let actor: Actor;
    try {
      if (!token) throw new Error('no token');
      actor = await verifier.verify(token);
    } catch {
      return send(res, 401, 'unauthorized', correlationId);
    }
    if (!can(actor, route.item.action)) return send(res, 403, 'role', correlationId);
    const query = (
      route.item.kind === 'list' || route.item.kind === 'import' ? listQuery : emptyQuery
    ).safeParse(Object.fromEntries(url.searchParams));
    if (!query.success) return send(res, 400, 'query', correlationId);
    const table = rows.get(route.item.prefix) ?? [];
    const visible = table.filter((row) => isWithinScope(actor.scope, row.orgPath));
    const id = route.params['id'];
    const parseBody = (schema: z.ZodType): { ok: true; value: unknown } | { ok: false } => {
      try {
        const parsed = schema.safeParse(raw.length > 0 ? JSON.parse(raw) : undefined);
        return parsed.success ? { ok: true, value: parsed.data } : { ok: false };
      } catch {
        return { ok: false };
      }
    };
    switch (route.item.kind) {
      case 'list': {
        const orgPath = url.searchParams.get('orgPath');
        return send(
          res,
          200,
          { items: visible.filter((row) => !orgPath || row.orgPath.startsWith(orgPath)) },
          correlationId,
        );
      }
      case 'get':
      case 'sensitive': {
        const row = visible.find((item) => item.id === id);
        return row ? send(res, 200, row, correlationId) : send(res, 404, 'not found', correlationId);
      }
      case 'create': {
        const body = parseBody(createBody);
        if (!body.ok) return send(res, 400, 'body', correlationId);
        const orgPath = (body.value as { orgPath: string }).orgPath;
        if (!isWithinScope(actor.scope, orgPath)) return send(res, 403, 'scope', correlationId);
        const created = { id: '0190c000-0000-7000-8000-000000000001', orgPath, districtId: actor.districtId };
        return send(res, 201, created, correlationId, { location: `${route.item.prefix}/${created.id}` });
      }
      case 'import':
        return send(
          res,
          202,
          { bytes: Buffer.byteLength(raw), contentType: req.headers['content-type'] ?? null },
          correlationId,
        );
      case 'update':
      case 'verb': {
        const body = parseBody(route.item.kind === 'update' ? updateBody : verbBody);
        if (!body.ok) return send(res, 400, 'body', correlationId);
        const row = visible.find((item) => item.id === id);
        return row ? send(res, 200, row, correlationId) : send(res, 404, 'not found', correlationId);
      }
    }
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks).toString('utf8')).catch(() => send(res, 500, 'bug', 'none'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    received,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
