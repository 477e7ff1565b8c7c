import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES } from '../actor/roles';
import { can } from './can';
import { ACTIONS, PERMISSION_MATRIX } from './permission-matrix';
import { renderPermissionMatrixMarkdown } from './render-matrix';

function cellsOf(table: string): string[][] {
  return table
    .trim()
    .split('\n')
    .filter((line) => !/^\|[\s:|-]+\|$/.test(line))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

describe('permission matrix', () => {
  it('is shown unchanged in libs/auth/README.md', () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const match = /<!-- permission-matrix:start -->\n([\s\S]*?)\n<!-- permission-matrix:end -->/.exec(readme);
    // Compared cell by cell so that prettier's column alignment of the README does not matter.
    expect(cellsOf(match?.[1] ?? '')).toEqual(cellsOf(renderPermissionMatrixMarkdown()));
  });

  it('names actions as <service>.<resource>.<verb> and grants each to at least one role', () => {
    for (const action of ACTIONS) {
      expect(action).toMatch(/^(registry|pairing|gateway|ledger|assessment|disclosure)\.[a-z-]+\.[a-z-]+$/);
      expect(PERMISSION_MATRIX[action].length).toBeGreaterThan(0);
    }
  });

  it('lets auditors read but never write', () => {
    for (const action of ACTIONS) {
      const isPlainRead = /\.read$/.test(action);
      expect({ action, allowed: can({ roles: ['auditor'] }, action) }).toEqual({
        action,
        allowed: isPlainRead,
      });
    }
  });

  it('keeps personal data need-to-know', () => {
    const sensitive = ACTIONS.filter((action) => action.endsWith('.read-sensitive'));
    for (const action of sensitive) {
      expect(can({ roles: ['member'] }, action)).toBe(false);
      expect(can({ roles: ['auditor'] }, action)).toBe(false);
    }
  });

  it('separates recording and approving money', () => {
    expect(can({ roles: ['fund_treasurer'] }, 'ledger.disbursement.approve')).toBe(false);
    expect(can({ roles: ['fund_approver'] }, 'ledger.disbursement.request')).toBe(false);
  });

  it('uses only known roles', () => {
    for (const roles of Object.values(PERMISSION_MATRIX)) {
      for (const role of roles) expect(ROLES).toContain(role);
    }
  });
});
