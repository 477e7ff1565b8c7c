import { type UpstreamShort } from '../config/gateway-config';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** An operation the gateway may forward, as declared by the owning service's OpenAPI document. */
export interface Operation {
  readonly upstream: UpstreamShort;
  readonly method: HttpMethod;
  /** OpenAPI path template, e.g. `/api/v1/members/{memberId}`. */
  readonly template: string;
  /** The permission the caller needs (`x-lianxin-action`), or undefined when undeclared. */
  readonly action: string | undefined;
  readonly operationId: string | undefined;
}

export interface OperationMatch {
  readonly operation: Operation;
  readonly params: Readonly<Record<string, string>>;
}

interface CompiledOperation {
  readonly operation: Operation;
  readonly segments: readonly (string | { readonly param: string })[];
  readonly literalCount: number;
}

/** The minimal part of an OpenAPI document the index needs. */
export interface OpenApiPathsDocument {
  readonly paths?: Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>>;
}

export function isHttpMethod(value: string): value is HttpMethod {
  return (HTTP_METHODS as readonly string[]).includes(value);
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

function compile(operation: Operation): CompiledOperation {
  const segments = splitPath(operation.template).map((segment) => {
    const param = /^\{([^}]+)\}$/.exec(segment);
    return param?.[1] ? { param: param[1] } : segment;
  });
  return {
    operation,
    segments,
    literalCount: segments.filter((segment) => typeof segment === 'string').length,
  };
}

function readAction(operationObject: unknown): {
  action: string | undefined;
  operationId: string | undefined;
} {
  if (typeof operationObject !== 'object' || operationObject === null)
    return { action: undefined, operationId: undefined };
  const record = operationObject as Record<string, unknown>;
  const action = record['x-lianxin-action'];
  const operationId = record['operationId'];
  return {
    action: typeof action === 'string' && action.length > 0 ? action : undefined,
    operationId: typeof operationId === 'string' ? operationId : undefined,
  };
}

/**
 * Method + path → operation, built from the upstreams' OpenAPI documents. Templates with more
 * literal segments win (`/members/search` beats `/members/{id}`).
 */
export class OperationIndex {
  private readonly byMethod = new Map<HttpMethod, CompiledOperation[]>();

  constructor(operations: readonly Operation[]) {
    for (const operation of operations) {
      const list = this.byMethod.get(operation.method) ?? [];
      list.push(compile(operation));
      this.byMethod.set(operation.method, list);
    }
    for (const list of this.byMethod.values()) list.sort((a, b) => b.literalCount - a.literalCount);
  }

  static fromDocument(
    upstream: UpstreamShort,
    document: OpenApiPathsDocument,
    prefixFilter: (path: string) => boolean,
  ): Operation[] {
    const operations: Operation[] = [];
    for (const [template, pathItem] of Object.entries(document.paths ?? {})) {
      if (!pathItem || !prefixFilter(template)) continue;
      for (const [method, operationObject] of Object.entries(pathItem)) {
        if (!isHttpMethod(method)) continue;
        operations.push({ upstream, method, template, ...readAction(operationObject) });
      }
    }
    return operations;
  }

  get size(): number {
    let total = 0;
    for (const list of this.byMethod.values()) total += list.length;
    return total;
  }

  all(): Operation[] {
    return [...this.byMethod.values()].flatMap((list) => list.map((compiled) => compiled.operation));
  }

  match(method: string, path: string): OperationMatch | undefined {
    const lower = method.toLowerCase();
    // HEAD is answered by the GET operation, as HTTP allows.
    const candidates = isHttpMethod(lower)
      ? (this.byMethod.get(lower) ?? (lower === 'head' ? this.byMethod.get('get') : undefined))
      : undefined;
    if (!candidates) return undefined;
    const segments = splitPath(path);
    for (const candidate of candidates) {
      if (candidate.segments.length !== segments.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < segments.length; i += 1) {
        const expected = candidate.segments[i];
        const actual = segments[i] ?? '';
        if (typeof expected === 'string') {
          if (expected !== actual) {
            ok = false;
            break;
          }
        } else if (expected) {
          params[expected.param] = safeDecode(actual);
        }
      }
      if (ok) return { operation: candidate.operation, params };
    }
    return undefined;
  }

  /** True when some method is declared for this path (405 rather than 404). */
  hasPath(path: string): boolean {
    for (const method of this.byMethod.keys()) if (this.match(method, path)) return true;
    return false;
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
