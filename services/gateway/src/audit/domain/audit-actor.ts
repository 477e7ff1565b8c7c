import { type IncomingMessage } from 'node:http';

/** Who an audited request is attributed to. */
export interface AuditActor {
  readonly id: string;
  readonly role: string;
  readonly scope: string;
  readonly districtId: string | null;
}

// Routes without a bearer token (the dev token endpoint) name their actor here; keyed by the
// request object, so nothing leaks between requests.
const byRequest = new WeakMap<IncomingMessage, AuditActor>();

export function rememberAuditActor(request: IncomingMessage, actor: AuditActor): void {
  byRequest.set(request, actor);
}

export function auditActorOf(request: IncomingMessage): AuditActor | undefined {
  return byRequest.get(request);
}
