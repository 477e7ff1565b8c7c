import { schemaPrimitives } from '@lianxin/contracts';
import { ForbiddenError, ValidationError } from '@lianxin/platform-http';
import { type CommandContext } from './command-context';

const ADMIN_ROLES = new Set(['city_admin', 'district_admin', 'township_admin', 'branch_secretary']);

/**
 * The member a diary entry, day or pledge belongs to. Members write their own (the token subject
 * is their member id); secretaries and admins may write for a member in their scope, e.g. when a
 * member without a phone reports a visit at the branch.
 */
export function actingMemberId(
  context: CommandContext,
  requested: string | undefined,
  field = 'memberId',
): string {
  // Only a member's own token names a member (its subject is their member id); an admin's
  // subject is an account name, so an admin must say whom the record is for.
  if (requested === undefined && !schemaPrimitives.uuid.safeParse(context.actor.id).success)
    throw new ValidationError(`Name the member in ${field}: the caller is not a member`, [
      { field, message: 'Required when the caller is not a member' },
    ]);
  const memberId = requested ?? context.actor.id;
  if (memberId !== context.actor.id && !context.actor.roles.some((role) => ADMIN_ROLES.has(role))) {
    throw new ForbiddenError('members record only their own work');
  }
  return memberId;
}
