import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, mergeMap, of, catchError, type Observable } from 'rxjs';
import { getRequestContext } from '@lianxin/platform-telemetry';
import { HTTP_APP_OPTIONS, type HttpAppOptions } from '../app/http-app-options';
import { BusinessRuleError, ConflictError, ValidationError } from '../errors/domain-errors';
import { routeTemplateOf } from '../request/route-template';
import { IDEMPOTENCY_TTL_SECONDS, type IdempotencyScope, type IdempotencyStore } from './idempotency-store';
import { isIdempotentHandler } from './idempotent.decorator';
import { requestHash } from './request-hash';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const wellFormedKey = /^[\x21-\x7e]{1,255}$/;

/** Replays stored responses for `@Idempotent()` routes called again with the same key. */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@Inject(HTTP_APP_OPTIONS) private readonly options: HttpAppOptions) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!isIdempotentHandler(context.getHandler())) return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const key = req.header(IDEMPOTENCY_HEADER);
    if (key === undefined) return next.handle();
    if (!wellFormedKey.test(key)) {
      throw new ValidationError('Invalid idempotency key', [
        { field: IDEMPOTENCY_HEADER, message: 'Use 1–255 visible ASCII characters, e.g. a UUID' },
      ]);
    }
    const store = this.requireStore();
    const scope: IdempotencyScope = {
      key,
      actorId: getRequestContext()?.actor?.id ?? 'anonymous',
      route: `${req.method} ${routeTemplateOf(req)}`,
    };
    const hash = requestHash(req.body);
    return from(store.claim(scope, hash, IDEMPOTENCY_TTL_SECONDS)).pipe(
      mergeMap((claim) => {
        if (claim.kind === 'claimed') return this.runAndRemember(store, scope, res, next);
        if (claim.requestHash !== hash) {
          throw new BusinessRuleError('This idempotency key was already used with a different request body', {
            rule: 'idempotency-key-reused',
          });
        }
        if (!claim.response) {
          throw new ConflictError('A request with this idempotency key is still being processed', {
            allowed: ['retry-later'],
          });
        }
        res.status(claim.response.statusCode);
        res.setHeader('idempotent-replayed', 'true');
        return of(claim.response.body);
      }),
    );
  }

  private runAndRemember(
    store: IdempotencyStore,
    scope: IdempotencyScope,
    res: Response,
    next: CallHandler,
  ): Observable<unknown> {
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        await store.complete(scope, { statusCode: res.statusCode, body });
        return body;
      }),
      catchError(async (error: unknown) => {
        await store.release(scope);
        throw error;
      }),
    );
  }

  private requireStore(): IdempotencyStore {
    const store = this.options.idempotencyStore;
    // A programming error, not a client one: fail loudly so it is caught in the first test.
    if (!store) throw new Error('@Idempotent() route used but createHttpApp got no idempotencyStore');
    return store;
  }
}
