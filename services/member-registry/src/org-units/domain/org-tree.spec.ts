import { checkMove, checkPlacement, childPath, rebasePath } from './org-tree';

describe('org tree rules', () => {
  it('places each kind under the level just above it', () => {
    expect(checkPlacement('district', 'town')).toBeNull();
    expect(checkPlacement('township', 'community')).toBeNull();
    expect(checkPlacement('district', 'branch')).toBe('wrong-parent-level');
  });

  it('builds and rebases materialised paths', () => {
    expect(childPath('/lx/taoyuan/', 'dahe')).toBe('/lx/taoyuan/dahe/');
    expect(rebasePath('/lx/taoyuan/dahe/v-1/b-01/', '/lx/taoyuan/dahe/', '/lx/xishan/dahe/')).toBe(
      '/lx/xishan/dahe/v-1/b-01/',
    );
  });

  it('refuses a move under its own subtree, to the same parent, or to the wrong level', () => {
    const unit = { path: '/lx/taoyuan/dahe/', level: 'township' as const, parentId: 'd1' };
    expect(
      checkMove(unit.path, unit.level, unit.parentId, {
        id: 'v1',
        path: '/lx/taoyuan/dahe/v-1/',
        level: 'village',
      }),
    ).toBe('move-into-own-subtree');
    expect(
      checkMove(unit.path, unit.level, unit.parentId, { id: 'd1', path: '/lx/taoyuan/', level: 'district' }),
    ).toBe('same-parent');
    expect(checkMove(unit.path, unit.level, unit.parentId, { id: 'c', path: '/lx/', level: 'city' })).toBe(
      'wrong-parent-level',
    );
    expect(
      checkMove(unit.path, unit.level, unit.parentId, { id: 'd2', path: '/lx/xishan/', level: 'district' }),
    ).toBeNull();
  });
});
