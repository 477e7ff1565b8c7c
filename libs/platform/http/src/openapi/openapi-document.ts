import type { z } from 'zod';
import { problemDetailsSchema } from '../problem/problem-details';
import type { ApiRouteOptions, ProblemStatus } from '../routes/api-route.decorator';
import type { RouteInputSchemas } from '../validation/zod-decorators';
import { strictTopLevel } from '../validation/zod-validation.pipe';
import { isRecord, toJsonSchema, type JsonSchema } from './json-schema';

/** Everything known about one route, collected from Nest and the Lianxin decorators. */
export interface RouteDescription {
  readonly method: string;
  /** Express-style path (`/api/v1/members/:id`). */
  readonly path: string;
  readonly operationId: string;
  readonly isPublic: boolean;
  readonly idempotent: boolean;
  readonly api: ApiRouteOptions | undefined;
  /** Permission action (from `@ApiRoute` or `RouteAction`/`@RequirePermission`). */
  readonly action?: string;
  readonly inputs: RouteInputSchemas;
}

export interface OpenApiInfo {
  readonly title: string;
  readonly version: string;
}

const problemTitles: Record<ProblemStatus | 500, string> = {
  400: 'Validation failed',
  401: 'Missing or invalid bearer token',
  403: 'Role or scope does not allow this',
  404: 'Not found (or hidden by scope)',
  409: 'Conflict with the current state',
  413: 'Request body too large',
  422: 'Business rule violated',
  429: 'Too many requests',
  500: 'Unexpected error',
};

/** Builds the OpenAPI 3.1 document; every operation lists its problem+json error responses. */
export function buildOpenApiDocument(info: OpenApiInfo, routes: readonly RouteDescription[]): JsonSchema {
  const defs: Record<string, JsonSchema> = {};
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation(route, defs) };
  }
  return {
    openapi: '3.1.0',
    info: { title: info.title, version: info.version },
    paths,
    components: {
      schemas: { ...defs, Problem: toJsonSchema(problemDetailsSchema, 'output', defs) },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
    security: [{ bearer: [] }],
  };
}

function operation(route: RouteDescription, defs: Record<string, JsonSchema>): JsonSchema {
  const api = route.api;
  // Documented exactly as validated: the pipe makes top-level objects strict.
  const strict = (schema: z.ZodType | undefined): z.ZodType | undefined => schema && strictTopLevel(schema);
  const inputs: RouteInputSchemas = {
    params: strict(api?.params ?? route.inputs.params),
    query: strict(api?.query ?? route.inputs.query),
    body: strict(api?.body ?? route.inputs.body),
  };
  const parameters = [
    ...parametersOf(inputs.params, 'path', defs),
    ...parametersOf(inputs.query, 'query', defs),
    ...(route.idempotent ? [idempotencyKeyParameter] : []),
  ];
  const op: JsonSchema = {
    operationId: route.operationId,
    summary: api?.summary ?? route.operationId,
    ...(api?.description ? { description: api.description } : {}),
    ...(api?.tags ? { tags: [...api.tags] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    responses: { ...successResponses(route, defs), ...errorResponses(route, inputs) },
    ...(route.isPublic ? { security: [] } : {}),
    ...(route.action ? { 'x-lianxin-action': route.action } : {}),
  };
  if (inputs.body) {
    op['requestBody'] = {
      required: true,
      content: { 'application/json': { schema: toJsonSchema(inputs.body, 'input', defs) } },
    };
  }
  return op;
}

const idempotencyKeyParameter: JsonSchema = {
  name: 'idempotency-key',
  in: 'header',
  required: false,
  description: 'Repeat the same key to replay the first response instead of creating twice (kept 24 h).',
  schema: { type: 'string', maxLength: 255 },
};

function parametersOf(
  schema: z.ZodType | undefined,
  location: 'path' | 'query',
  defs: Record<string, JsonSchema>,
): JsonSchema[] {
  if (!schema) return [];
  const json = toJsonSchema(schema, 'input', defs);
  const properties = isRecord(json['properties']) ? json['properties'] : {};
  const required = Array.isArray(json['required']) ? json['required'] : [];
  return Object.entries(properties).map(([name, propertySchema]) => ({
    name,
    in: location,
    required: location === 'path' || required.includes(name),
    schema: propertySchema,
  }));
}

function successResponses(
  route: RouteDescription,
  defs: Record<string, JsonSchema>,
): Record<string, JsonSchema> {
  const declared = route.api?.responses ?? {};
  const entries = Object.entries(declared);
  if (entries.length === 0) return { '200': { description: 'Success' } };
  return Object.fromEntries(
    entries.map(([status, schema]) => [
      status,
      schema
        ? {
            description: 'Success',
            content: { 'application/json': { schema: toJsonSchema(schema, 'output', defs) } },
          }
        : { description: 'Success, no body' },
    ]),
  );
}

function errorResponses(route: RouteDescription, inputs: RouteInputSchemas): Record<string, JsonSchema> {
  const statuses = new Set<ProblemStatus | 500>(route.api?.errors ?? []);
  if (inputs.body || inputs.query || inputs.params) statuses.add(400);
  if (inputs.body) statuses.add(413);
  if (!route.isPublic) statuses.add(401);
  if (route.action) statuses.add(403);
  statuses.add(500);
  return Object.fromEntries(
    [...statuses]
      .sort((a, b) => a - b)
      .map((status) => [
        String(status),
        {
          description: problemTitles[status],
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        },
      ]),
  );
}
