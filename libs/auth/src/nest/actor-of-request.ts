import type { IncomingMessage } from 'node:http';
import type { Actor } from '../actor/actor';

// A symbol property: no global augmentation of Express's Request type.
// Not a WeakMap keyed by the request: V8's young-generation GC keeps such an entry's value while
// its key is young, so every request's entry outlived it (see `kRequestStart` in @lianxin/platform-http).
const kActor = Symbol('lianxin.actor');
type WithActor = IncomingMessage & { [kActor]?: Actor };

export function rememberActor(request: IncomingMessage, actor: Actor): void {
  (request as WithActor)[kActor] = actor;
}

/** The actor the auth guard verified for this request, if any (public routes have none). */
export function actorOfRequest(request: IncomingMessage): Actor | undefined {
  return (request as WithActor)[kActor];
}
