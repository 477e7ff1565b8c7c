import { SetMetadata } from '@nestjs/common';

const IDEMPOTENT_KEY = 'lianxin:idempotent';

/**
 * Marks a create endpoint: a request carrying an `idempotency-key` header that was seen before
 * (same key, same actor, same route, within 24 h) gets the first response replayed instead of
 * running again. Requests without the header run normally.
 */
export const Idempotent = (): MethodDecorator => SetMetadata(IDEMPOTENT_KEY, true);

export function isIdempotentHandler(handler: object): boolean {
  return Reflect.getMetadata(IDEMPOTENT_KEY, handler) === true;
}
