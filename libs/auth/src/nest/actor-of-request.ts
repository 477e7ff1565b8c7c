import type { IncomingMessage } from 'node:http';
import type { Actor } from '../actor/actor';

// Keyed by request object: no global augmentation of Express's Request type.
const actors = new WeakMap<IncomingMessage, Actor>();

export function rememberActor(request: IncomingMessage, actor: Actor): void {
  actors.set(request, actor);
}

/** The actor the auth guard verified for this request, if any (public routes have none). */
export function actorOfRequest(request: IncomingMessage): Actor | undefined {
  return actors.get(request);
}
