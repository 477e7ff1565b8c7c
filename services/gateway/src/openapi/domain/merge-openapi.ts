import { isDeepStrictEqual } from 'node:util';
import { isHttpMethod } from '../../routing/operation-index';

export type JsonObject = Record<string, unknown>;

export interface UpstreamDocument {
  readonly upstream: string;
  readonly document: JsonObject;
  /** Paths of this document the gateway actually routes to this upstream. */
  readonly routes: (path: string) => boolean;
}

export interface MergeOptions {
  readonly title: string;
  readonly version: string;
  readonly description: string;
  /** Paths served without a token (no 401/403 added). */
  readonly isPublicPath: (path: string) => boolean;
}

const PROBLEM_REF = '#/components/schemas/Problem';

/** Errors the gateway itself may answer on any forwarded operation, beyond the service's own. */
const GATEWAY_ERRORS: Readonly<Record<string, string>> = {
  '401': 'Missing or invalid bearer token',
  '403': 'Role or scope does not allow this',
  '429': 'Too many requests (see Retry-After)',
  '502': 'The owning service could not be reached or answered badly',
  '503': 'The owning service is unavailable (circuit open; see Retry-After)',
  '504': 'The owning service did not answer in time',
};

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Deep copy with every `$ref` passed through `rewrite`. */
function rewriteRefs(value: unknown, rewrite: (ref: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, rewrite));
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = key === '$ref' && typeof item === 'string' ? rewrite(item) : rewriteRefs(item, rewrite);
  }
  return out;
}

function problemResponse(description: string): JsonObject {
  return { description, content: { 'application/problem+json': { schema: { $ref: PROBLEM_REF } } } };
}

/**
 * One OpenAPI 3.1 document for everything reachable through the gateway: the gateway's own
 * routes plus each upstream's routed paths. Component names that clash with different content
 * are renamed `<upstream>.<name>` (refs rewritten); identical ones (the shared Problem schema)
 * are kept once. Every forwarded operation also lists the errors the gateway itself can answer.
 */
export function mergeOpenApiDocuments(
  gateway: JsonObject,
  upstreams: readonly UpstreamDocument[],
  options: MergeOptions,
): JsonObject {
  const components: Record<string, JsonObject> = {};
  const paths: Record<string, JsonObject> = {};
  const tags = new Map<string, JsonObject>();
  const operationIds = new Set<string>();

  const addComponents = (source: unknown, upstream: string | undefined): Map<string, string> => {
    const renames = new Map<string, string>();
    if (!isObject(source)) return renames;
    // First decide names, so refs can be rewritten before content is compared.
    for (const [section, entries] of Object.entries(source)) {
      if (!isObject(entries)) continue;
      const target = (components[section] ??= {});
      for (const [name, value] of Object.entries(entries)) {
        if (!(name in target) || isDeepStrictEqual(target[name], value) || upstream === undefined) continue;
        renames.set(
          `#/components/${section}/${escapePointer(name)}`,
          `#/components/${section}/${escapePointer(`${upstream}.${name}`)}`,
        );
      }
    }
    const rewrite = (ref: string): string => renames.get(ref) ?? ref;
    for (const [section, entries] of Object.entries(source)) {
      if (!isObject(entries)) continue;
      const target = (components[section] ??= {});
      for (const [name, value] of Object.entries(entries)) {
        const renamed = renames.has(`#/components/${section}/${escapePointer(name)}`);
        const finalName = renamed && upstream ? `${upstream}.${name}` : name;
        if (finalName in target && !renamed) continue;
        target[finalName] = rewriteRefs(value, rewrite);
      }
    }
    return renames;
  };

  const addTags = (source: unknown): void => {
    if (!Array.isArray(source)) return;
    for (const tag of source)
      if (isObject(tag) && typeof tag['name'] === 'string' && !tags.has(tag['name']))
        tags.set(tag['name'], tag);
  };

  const uniqueOperationId = (operation: JsonObject, upstream: string | undefined): void => {
    const id = operation['operationId'];
    if (typeof id !== 'string') return;
    let candidate = id;
    if (operationIds.has(candidate) && upstream) candidate = `${upstream}.${id}`;
    for (let n = 2; operationIds.has(candidate); n += 1) candidate = `${id}${n}`;
    operationIds.add(candidate);
    operation['operationId'] = candidate;
  };

  addComponents(gateway['components'], undefined);
  addTags(gateway['tags']);
  for (const [path, item] of Object.entries(isObject(gateway['paths']) ? gateway['paths'] : {})) {
    if (!isObject(item)) continue;
    const copy = rewriteRefs(item, (ref) => ref) as JsonObject;
    for (const [method, operation] of Object.entries(copy))
      if (isHttpMethod(method) && isObject(operation)) uniqueOperationId(operation, undefined);
    paths[path] = copy;
  }

  for (const { upstream, document, routes } of upstreams) {
    const renames = addComponents(document['components'], upstream);
    const rewrite = (ref: string): string => renames.get(ref) ?? ref;
    addTags(document['tags']);
    for (const [path, item] of Object.entries(isObject(document['paths']) ? document['paths'] : {})) {
      if (!isObject(item) || !routes(path) || path in paths) continue;
      const copy = rewriteRefs(item, rewrite) as JsonObject;
      for (const [method, operation] of Object.entries(copy)) {
        if (!isHttpMethod(method) || !isObject(operation)) continue;
        uniqueOperationId(operation, upstream);
        operation['x-lianxin-upstream'] = upstream;
        const responses = isObject(operation['responses']) ? operation['responses'] : {};
        const isPublic = options.isPublicPath(path);
        for (const [status, description] of Object.entries(GATEWAY_ERRORS)) {
          if (isPublic && (status === '401' || status === '403')) continue;
          if (!(status in responses)) responses[status] = problemResponse(description);
        }
        if (operation['requestBody'] !== undefined && !('413' in responses))
          responses['413'] = problemResponse('Request body too large');
        operation['responses'] = responses;
      }
      paths[path] = copy;
    }
  }

  const schemas = (components['schemas'] ??= {});
  if (!('Problem' in schemas)) {
    schemas['Problem'] = {
      type: 'object',
      required: ['type', 'title', 'status', 'detail', 'instance', 'correlationId'],
    };
  }

  return {
    openapi: '3.1.0',
    info: { title: options.title, version: options.version, description: options.description },
    paths,
    components,
    ...(tags.size > 0 ? { tags: [...tags.values()] } : {}),
    security: [{ bearer: [] }],
  };
}
