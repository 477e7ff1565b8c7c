import {
  checkFormation,
  checkJoin,
  checkLeader,
  checkLeave,
  isUnderstaffed,
  monthBounds,
} from './group-size-rules';

const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `m${i}`);

describe('party group size rules', () => {
  it('lets the tenth member join and refuses the eleventh', () => {
    expect(checkJoin(ids(9), 'new')).toBeNull();
    expect(checkJoin(ids(10), 'new')).toBe('group-full');
  });
  it('refuses a member who is already in the group', () => {
    expect(checkJoin(ids(3), 'm1')).toBe('already-in-group');
  });
  it('requires the leader to belong to the group', () => {
    expect(checkLeader(ids(5), 'm4')).toBeNull();
    expect(checkLeader(ids(5), 'outsider')).toBe('leader-not-in-group');
    expect(checkFormation(ids(6), 'outsider')).toBe('leader-not-in-group');
    expect(checkFormation(ids(11), 'm0')).toBe('group-full');
  });
  it('keeps the leader from leaving without a successor', () => {
    expect(checkLeave(ids(6), 'm0', 'm0')).toBe('leader-cannot-leave');
    expect(checkLeave(ids(6), 'm0', 'm1')).toBeNull();
  });
  it('lists groups under five members as understaffed', () => {
    expect(isUnderstaffed(4)).toBe(true);
    expect(isUnderstaffed(5)).toBe(false);
  });
  it('computes month bounds including leap February', () => {
    expect(monthBounds('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthBounds('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});
