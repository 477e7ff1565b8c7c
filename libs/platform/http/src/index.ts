export { createHttpApp } from './app/create-http-app';
export type { HttpAppOptions, PreRouter, PreRouterPlatform } from './app/http-app-options';
export {
  DomainError,
  ValidationError,
  UnauthorizedError,
  ForbiddenError,
  NotFoundError,
  ConflictError,
  PayloadTooLargeError,
  BusinessRuleError,
  TooManyRequestsError,
  type FieldError,
} from './errors/domain-errors';
export {
  problemDetailsSchema,
  problemType,
  PROBLEM_CONTENT_TYPE,
  type ProblemDetails,
} from './problem/problem-details';
export { toProblem } from './problem/to-problem';
export { writeProblem } from './problem/send-problem';
export { ZodBody, ZodQuery, ZodParams } from './validation/zod-decorators';
export { ZodValidationPipe } from './validation/zod-validation.pipe';
export { Public, isPublicRoute, isPublicHandler } from './routes/public.decorator';
export { RouteAction, routeActionsOf } from './routes/route-action';
export {
  ApiRoute,
  getApiRoute,
  type ApiRouteOptions,
  type ProblemStatus,
  type SuccessStatus,
} from './routes/api-route.decorator';
export { CORRELATION_HEADER, correlationIdOf } from './request/correlation-id';
export { beginRequest, runInContexts, type RequestStart } from './request/request-pipeline';
export { jsonBodyReader } from './request/body-parser';
export { pathOf } from './request/route-template';
export { securityHeaders } from './request/security-headers';
export {
  runReadinessChecks,
  postgresReadiness,
  kafkaReadiness,
  type ReadinessCheck,
  type ReadinessReport,
} from './health/readiness';
export { buildOpenApiDocument, type RouteDescription } from './openapi/openapi-document';
export { Idempotent } from './idempotency/idempotent.decorator';
export { IDEMPOTENCY_HEADER } from './idempotency/idempotency.interceptor';
export {
  IDEMPOTENCY_TTL_SECONDS,
  type IdempotencyStore,
  type IdempotencyScope,
  type StoredResponse,
  type ClaimResult,
} from './idempotency/idempotency-store';
export { InMemoryIdempotencyStore } from './idempotency/in-memory-idempotency-store';
export {
  PostgresIdempotencyStore,
  createIdempotencyTableSql,
  dropIdempotencyTableSql,
  type SqlQueryable,
} from './idempotency/postgres-idempotency-store';
