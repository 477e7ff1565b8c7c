import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderPermissionMatrixMarkdown } from '@lianxin/auth';

describe('gateway README', () => {
  it('shows the permission matrix exactly as libs/auth defines it', () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    const shown = /<!-- permission-matrix:start -->\n([\s\S]*?)\n<!-- permission-matrix:end -->/.exec(
      readme,
    )?.[1];
    expect(shown).toBe(renderPermissionMatrixMarkdown());
  });
});
