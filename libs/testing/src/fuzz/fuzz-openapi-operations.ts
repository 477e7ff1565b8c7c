import fc from 'fast-check';
import type { Server } from 'node:http';
import request from 'supertest';
import { arbitraryFor, type ArbitraryHints, fuzzedBody } from './openapi-arbitraries';

type Json = Record<string, unknown>;
interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly schema?: unknown;
}

export interface FuzzOpenApiOptions {
  /** The HTTP server under test (`app.getHttpServer()`). */
  readonly server: Server;
  /** Its OpenAPI document (`GET /openapi.json`). */
  readonly document: Json;
  /** `Authorization` header sent with every request. */
  readonly authorization: string;
  readonly runsPerOperation: number;
  /** Fixed, so a failure reproduces. */
  readonly seed: number;
  /** Existing ids to use as uuids now and then (see `ArbitraryHints`). */
  readonly hints?: ArbitraryHints;
}

export interface FuzzOpenApiResult {
  readonly operations: number;
  /** One line per request answered 5xx: method, URL, body, status and the start of the answer. */
  readonly failures: readonly string[];
}

/**
 * Sends every operation of an OpenAPI document generated bodies, queries and path parameters —
 * valid-looking, wrong types, unknown fields, edge values — and collects every 5xx answer. The
 * property a service must hold: bad input is a 4xx naming the field, never a 500.
 */
export async function fuzzOpenApiOperations(options: FuzzOpenApiOptions): Promise<FuzzOpenApiResult> {
  const { document } = options;
  const hints = options.hints ?? {};
  const failures: string[] = [];
  let operations = 0;
  for (const [template, item] of Object.entries(document['paths'] as Record<string, Record<string, Json>>)) {
    for (const [method, operation] of Object.entries(item)) {
      operations += 1;
      const parameters = (operation['parameters'] ?? []) as Parameter[];
      const content = (operation['requestBody'] as Json | undefined)?.['content'] as Json | undefined;
      const bodySchema = (content?.['application/json'] as Json | undefined)?.['schema'];
      const csvBody = content?.['text/csv'] !== undefined;
      const query = fc.record(
        Object.fromEntries(
          parameters
            .filter((parameter) => parameter.in === 'query')
            .map((parameter) => [
              parameter.name,
              fc.oneof(arbitraryFor(parameter.schema, document, 0, hints), fc.string({ maxLength: 20 })),
            ]),
        ),
        { requiredKeys: [] },
      );
      const pathParameters = fc.record(
        Object.fromEntries(
          parameters
            .filter((parameter) => parameter.in === 'path')
            .map((parameter) => [
              parameter.name,
              fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 20 })),
            ]),
        ),
      );
      const body = bodySchema
        ? fuzzedBody(bodySchema, document, hints)
        : csvBody
          ? fc.string({ maxLength: 200 })
          : fc.constant(undefined);
      await fc
        .assert(
          fc.asyncProperty(pathParameters, query, body, async (values, queryValues, payload) => {
            const path = template.replace(/\{([^}]+)\}/g, (_match, name: string) =>
              encodeURIComponent(String(values[name] ?? 'x')),
            );
            const search = new URLSearchParams(
              Object.entries(queryValues).map(([key, value]): [string, string] => [
                key,
                typeof value === 'string' ? value : JSON.stringify(value),
              ]),
            ).toString();
            const url = search ? `${path}?${search}` : path;
            let pending = request(options.server)
              [method as 'get'](url)
              .set('authorization', options.authorization);
            if (payload !== undefined) {
              pending = csvBody
                ? pending.set('content-type', 'text/csv').send(String(payload))
                : pending.set('content-type', 'application/json').send(JSON.stringify(payload));
            }
            const response = await pending;
            if (response.status >= 500)
              failures.push(
                `${method.toUpperCase()} ${url} ${JSON.stringify(payload)} → ${response.status} ${response.text.slice(0, 200)}`,
              );
            return response.status < 500;
          }),
          { numRuns: options.runsPerOperation, seed: options.seed },
        )
        // The failures are collected above; a shrunk counterexample would only repeat them.
        .catch(() => undefined);
    }
  }
  return { operations, failures };
}
