import { z } from 'zod';
import { isOrgPath } from '../scope/org-path';
import { ROLES, type Role } from './roles';

/** The verified caller, as every service sees it after re-verifying the token. */
export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly Role[];
  /** Org path the actor may touch (`/lx/taoyuan/`); city admins have the city path. */
  readonly scope: string;
  /** UUID of the actor's district org unit, or null for city-wide roles. */
  readonly districtId: string | null;
}

/** The Lianxin claims of an access token (registered claims are checked by jose). */
export const actorClaimsSchema = z.object({
  sub: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  roles: z.array(z.enum(ROLES)).min(1),
  // A person's token never carries the system scope `/`.
  scope: z
    .string()
    .refine((value) => isOrgPath(value) && value !== '/', 'must be an org path like /lx/taoyuan/'),
  district_id: z.guid().nullable(),
});

export type ActorClaims = z.infer<typeof actorClaimsSchema>;

/** Parses verified claims into an `Actor`; returns undefined when they do not describe one. */
export function actorFromClaims(claims: unknown): Actor | undefined {
  const parsed = actorClaimsSchema.safeParse(claims);
  if (!parsed.success) return undefined;
  const { sub, name, roles, scope, district_id } = parsed.data;
  return { id: sub, name, roles: [...new Set(roles)], scope, districtId: district_id };
}

export function claimsFromActor(actor: Actor): ActorClaims {
  return {
    sub: actor.id,
    name: actor.name,
    roles: [...actor.roles],
    scope: actor.scope,
    district_id: actor.districtId,
  };
}
