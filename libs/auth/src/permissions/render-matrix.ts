import { ROLES } from '../actor/roles';
import { ACTIONS, PERMISSION_MATRIX } from './permission-matrix';
import type { Role } from '../actor/roles';

/** The matrix as a markdown table (actions × roles, ✓ = allowed), as shown in the README. */
export function renderPermissionMatrixMarkdown(): string {
  const header = `| action | ${ROLES.join(' | ')} |`;
  const divider = `|---|${ROLES.map(() => ':-:').join('|')}|`;
  const rows = ACTIONS.map((action) => {
    const allowed: readonly Role[] = PERMISSION_MATRIX[action];
    return `| \`${action}\` | ${ROLES.map((role) => (allowed.includes(role) ? '✓' : ' ')).join(' | ')} |`;
  });
  return [header, divider, ...rows].join('\n');
}
