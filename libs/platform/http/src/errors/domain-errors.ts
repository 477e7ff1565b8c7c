/**
 * Errors the application and domain layers throw; the problem+json filter turns them into HTTP
 * responses. They import no framework, so domain code can throw them without knowing about HTTP.
 */

export interface FieldError {
  /** Dotted path of the offending input (`members.0.name`), or `body`/`query`/`params` for the whole. */
  readonly field: string;
  readonly message: string;
}

export abstract class DomainError extends Error {
  abstract readonly status: number;
  /** Short stable name; the problem `type` is `urn:lianxin:problem:<slug>`. */
  abstract readonly slug: string;
  abstract readonly title: string;

  constructor(detail: string) {
    super(detail);
    this.name = new.target.name;
  }

  /** Extra problem members (RFC 9457 extensions) this error adds, e.g. `allowed` or `errors`. */
  extensions(): Record<string, unknown> {
    return {};
  }
}

/** 400: the request is malformed or fails validation. */
export class ValidationError extends DomainError {
  readonly status = 400;
  readonly slug = 'validation';
  readonly title = 'Validation failed';

  constructor(
    detail: string,
    readonly errors: readonly FieldError[] = [],
  ) {
    super(detail);
  }

  override extensions(): Record<string, unknown> {
    return this.errors.length > 0 ? { errors: this.errors } : {};
  }
}

/** 401: no credentials, or credentials that do not verify. */
export class UnauthorizedError extends DomainError {
  readonly status = 401;
  readonly slug = 'unauthorized';
  readonly title = 'Unauthorized';
}

/** 403: the actor is known but its role or scope does not allow this. */
export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly slug = 'forbidden';
  readonly title = 'Forbidden';
}

/** 404: no such resource, or one hidden by the actor's scope (never reveal that it exists). */
export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly slug = 'not-found';
  readonly title = 'Not found';

  static of(resource: string, id: string): NotFoundError {
    return new NotFoundError(`${resource} ${id} was not found`);
  }
}

/** 409: conflicts with the current state (duplicate, wrong workflow step); `allowed` lists next steps. */
export class ConflictError extends DomainError {
  readonly status = 409;
  readonly slug = 'conflict';
  readonly title = 'Conflict';
  readonly allowed: readonly string[];

  constructor(detail: string, options: { allowed?: readonly string[] } = {}) {
    super(detail);
    this.allowed = options.allowed ?? [];
  }

  override extensions(): Record<string, unknown> {
    return { allowed: this.allowed };
  }
}

/** 413: the request body exceeds the app's limit. */
export class PayloadTooLargeError extends DomainError {
  readonly status = 413;
  readonly slug = 'payload-too-large';
  readonly title = 'Payload too large';
}

/** 422: well-formed input that breaks a business rule; `rule` names it for clients. */
export class BusinessRuleError extends DomainError {
  readonly status = 422;
  readonly slug = 'business-rule';
  readonly title = 'Business rule violated';
  readonly rule: string | undefined;

  constructor(detail: string, options: { rule?: string } = {}) {
    super(detail);
    this.rule = options.rule;
  }

  override extensions(): Record<string, unknown> {
    return this.rule ? { rule: this.rule } : {};
  }
}

/** 429: rate limited; `retryAfterSec` becomes the `Retry-After` header. */
export class TooManyRequestsError extends DomainError {
  readonly status = 429;
  readonly slug = 'too-many-requests';
  readonly title = 'Too many requests';

  constructor(
    detail: string,
    readonly retryAfterSec?: number,
  ) {
    super(detail);
  }
}
