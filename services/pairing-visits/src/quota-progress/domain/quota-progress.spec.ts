import fc from 'fast-check';
import { DEFAULT_QUOTA_RULES } from '../../quota-rules/domain/quota-rule';
import { computeProgress, elapsedShare, rollUp } from './quota-progress';

const none = { visits: 0, problemsSolved: 0, grassrootsDays: 0 };

describe('quota progress', () => {
  it('shows a county leader with 4 visits, 3 problems and 100 days as complete', () => {
    const progress = computeProgress(
      DEFAULT_QUOTA_RULES.county_leader,
      { visits: 4, problemsSolved: 3, grassrootsDays: 100 },
      2026,
      '2026-12-31',
    );
    expect(progress.complete).toBe(true);
    expect(progress.behindSchedule).toBe(false);
  });

  it('does not flag anyone on 1 January', () => {
    const progress = computeProgress(DEFAULT_QUOTA_RULES.township_cadre, none, 2026, '2026-01-01');
    expect(progress.behindSchedule).toBe(false);
    expect(progress.visits.expectedByNow).toBe(0);
  });

  it('flags a township cadre with no visit by mid-year as behind (8 a year → 4 by July)', () => {
    const progress = computeProgress(
      DEFAULT_QUOTA_RULES.township_cadre,
      { visits: 3, problemsSolved: 1, grassrootsDays: 50 },
      2026,
      '2026-07-02',
    );
    expect(progress.visits.expectedByNow).toBe(4);
    expect(progress.visits.behind).toBe(true);
    expect(progress.problemsSolved.behind).toBe(false);
    expect(progress.behindSchedule).toBe(true);
  });

  it('ignores metrics the rank has no target for', () => {
    const progress = computeProgress(
      DEFAULT_QUOTA_RULES.department_head,
      { ...none, grassrootsDays: 100 },
      2026,
      '2026-12-31',
    );
    expect(progress.visits).toMatchObject({ target: null, behind: false, met: true });
    expect(progress.complete).toBe(true);
  });

  it('judges a past year on the full target and expects nothing of a future one', () => {
    expect(elapsedShare(2025, '2026-03-01')).toBe(1);
    expect(elapsedShare(2027, '2026-03-01')).toBe(0);
  });

  it('never expects more than the target, and more work never makes a cadre behind', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 365 }),
        (visits, extra, day) => {
          const asOf = new Date(Date.UTC(2026, 0, day)).toISOString().slice(0, 10);
          const quota = DEFAULT_QUOTA_RULES.other_cadre;
          const before = computeProgress(quota, { ...none, visits }, 2026, asOf);
          const after = computeProgress(quota, { ...none, visits: visits + extra }, 2026, asOf);
          expect(before.visits.expectedByNow ?? 0).toBeLessThanOrEqual(quota.visits ?? 0);
          if (!before.visits.behind) expect(after.visits.behind).toBe(false);
        },
      ),
    );
  });

  it('rolls cadres up into every unit that contains them', () => {
    const behind = computeProgress(DEFAULT_QUOTA_RULES.other_cadre, none, 2026, '2026-12-31');
    const rows = rollUp(
      ['/lx/taoyuan/', '/lx/taoyuan/dahe/', '/lx/xishan/'],
      [
        { orgPath: '/lx/taoyuan/dahe/b-01/', tally: { ...none, visits: 2 }, progress: behind },
        { orgPath: '/lx/taoyuan/shi/', tally: { ...none, visits: 1 }, progress: behind },
      ],
    );
    expect(rows.map((row) => [row.cadres, row.visits, row.behind])).toEqual([
      [2, 3, 2],
      [1, 2, 1],
      [0, 0, 0],
    ]);
  });
});
