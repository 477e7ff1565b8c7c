import { collectScopeTargets, findScopeViolation } from './scope-targets';

const within = (scope: string, path: string): boolean => path.startsWith(scope);
const taoyuan = { scope: '/lx/taoyuan/', districtId: '0190a000-0000-7000-8000-000000000001' };

describe('scope targets', () => {
  it('reads org paths and district ids from query and body, including repeated and comma lists', () => {
    const targets = collectScopeTargets(
      { orgPath: ['/lx/a/', '/lx/b/,/lx/c/'], districtId: 'd1' },
      { orgUnitPath: '/lx/d/', districtId: 'd2' },
    );
    expect(targets).toEqual({
      orgPaths: ['/lx/a/', '/lx/b/', '/lx/c/', '/lx/d/'],
      districtIds: ['d1', 'd2'],
    });
  });

  it('finds a body org path in another district', () => {
    expect(
      findScopeViolation(taoyuan, collectScopeTargets({}, { orgPath: '/lx/xishan/zhenzi/' }), within),
    ).toMatch(/outside your scope/);
  });

  it('finds a query district id that is not the actor’s', () => {
    expect(
      findScopeViolation(
        taoyuan,
        collectScopeTargets({ districtId: '0190a000-0000-7000-8000-000000000002' }, undefined),
        within,
      ),
    ).toMatch(/not your district/);
  });

  it('accepts targets inside the scope, and any district for a city-wide actor', () => {
    expect(
      findScopeViolation(
        taoyuan,
        collectScopeTargets({ orgPath: '/lx/taoyuan/dahe/' }, { districtId: taoyuan.districtId }),
        within,
      ),
    ).toBeUndefined();
    expect(
      findScopeViolation(
        { scope: '/lx/', districtId: null },
        collectScopeTargets({ districtId: 'any' }, undefined),
        within,
      ),
    ).toBeUndefined();
  });
});
