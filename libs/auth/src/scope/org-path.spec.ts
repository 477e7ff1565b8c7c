import { NotFoundError, ForbiddenError } from '@lianxin/platform-http';
import { assertInScope } from './assert-in-scope';
import { isOrgPath, isWithinScope } from './org-path';
import { setRlsScope } from './rls';

describe('isWithinScope', () => {
  it.each([
    ['/hz/xihu/', '/hz/xihu/dahe/', true],
    ['/hz/xihu/', '/hz/xihu/', true],
    ['/hz/', '/hz/xihu/dahe/v-1/b-01/', true],
    ['/', '/hz/xihu/', true],
    ['/hz/xihu/', '/hz/xihu2/', false],
    ['/hz/xihu/', '/hz/xihu2/dahe/', false],
    ['/hz/xihu/dahe/', '/hz/xihu/', false],
    ['/hz/xihu', '/hz/xihu2/', false],
    ['/hz/xihu/', '/hz/xihu', false],
    ['', '/hz/', false],
    ['/hz/xihu/', '/hz/xihu/../xishan/', false],
    ['/hz/%/', '/hz/xihu/', false],
    ['/hz/_/', '/hz/x/', false],
  ])('scope %j covers %j: %s', (scope, path, expected) => {
    expect(isWithinScope(scope, path)).toBe(expected);
  });

  it('accepts only well-formed org paths', () => {
    expect(isOrgPath('/lx/taoyuan/dahe/')).toBe(true);
    expect(isOrgPath('/')).toBe(true);
    expect(isOrgPath('/LX/')).toBe(false);
    expect(isOrgPath('/-lx/')).toBe(false);
    expect(isOrgPath('//')).toBe(false);
    expect(isOrgPath(`/${'a'.repeat(41)}/`)).toBe(false);
  });
});

describe('assertInScope', () => {
  const actor = { scope: '/lx/taoyuan/' };

  it('passes inside the scope', () => {
    expect(() => assertInScope(actor, '/lx/taoyuan/dahe/')).not.toThrow();
  });

  it('hides rows outside the scope as not found by default', () => {
    expect(() => assertInScope(actor, '/lx/xishan/', { resource: 'member' })).toThrow(NotFoundError);
  });

  it('says forbidden when the caller named the unit', () => {
    expect(() => assertInScope(actor, '/lx/xishan/', { whenOutside: 'forbidden' })).toThrow(ForbiddenError);
  });
});

describe('setRlsScope', () => {
  it('sets the transaction-local scope with a bound parameter', async () => {
    const calls: [string, unknown[] | undefined][] = [];
    await setRlsScope({ query: async (sql, params) => void calls.push([sql, params]) }, '/lx/taoyuan/');
    expect(calls).toEqual([["SELECT set_config('lianxin.scope', $1, true)", ['/lx/taoyuan/']]]);
  });

  it('refuses a malformed scope instead of widening access', async () => {
    const query = jest.fn();
    await expect(setRlsScope({ query }, "/lx/' OR 1=1 --")).rejects.toThrow(/malformed/);
    await expect(setRlsScope({ query }, '')).rejects.toThrow(/malformed/);
    expect(query).not.toHaveBeenCalled();
  });
});
