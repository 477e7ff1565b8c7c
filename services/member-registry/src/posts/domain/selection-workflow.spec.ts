import {
  allowedSteps,
  applyStep,
  checkShortlist,
  isWithinObjectionWindow,
  objectionWindowEnd,
  tallyVotes,
} from './selection-workflow';

describe('post selection workflow', () => {
  it('walks the happy path open → confirmed', () => {
    let state = applyStep('open', 'apply');
    expect(state).toEqual({ ok: true, next: 'open' });
    expect(applyStep('open', 'close-applications')).toEqual({ ok: true, next: 'nominating' });
    expect(applyStep('nominating', 'shortlist')).toEqual({ ok: true, next: 'shortlisted' });
    expect(applyStep('shortlisted', 'tally-vote')).toEqual({ ok: true, next: 'voted' });
    expect(applyStep('voted', 'publicise')).toEqual({ ok: true, next: 'publicised' });
    state = applyStep('publicised', 'confirm');
    expect(state).toEqual({ ok: true, next: 'confirmed' });
  });

  it('refuses a step out of order and names the allowed next steps', () => {
    expect(applyStep('open', 'tally-vote')).toEqual({
      ok: false,
      allowed: ['apply', 'close-applications', 'cancel'],
    });
    expect(applyStep('nominating', 'apply')).toEqual({
      ok: false,
      allowed: ['nominate', 'shortlist', 'cancel'],
    });
    expect(applyStep('confirmed', 'object')).toEqual({ ok: false, allowed: [] });
  });

  it('lists what a publicised selection can do next', () => {
    expect(allowedSteps('publicised')).toEqual(['object', 'confirm', 'cancel']);
  });
});

describe('shortlist (差额)', () => {
  const eligible = new Set(['a', 'b', 'c']);
  it('needs more candidates than seats', () => {
    expect(checkShortlist(2, ['a', 'b'], eligible)).toBe('not-more-candidates-than-seats');
    expect(checkShortlist(2, ['a', 'b', 'c'], eligible)).toBeNull();
  });
  it('only takes applicants or nominees, once each', () => {
    expect(checkShortlist(1, ['a', 'z'], eligible)).toBe('candidate-not-applied-or-nominated');
    expect(checkShortlist(1, ['a', 'a'], eligible)).toBe('duplicate-candidate');
  });
});

describe('vote tally', () => {
  it('elects the top candidates by member plus representative votes', () => {
    const result = tallyVotes(1, ['a', 'b'], 40, [
      { memberId: 'a', memberVotes: 10, representativeVotes: 5 },
      { memberId: 'b', memberVotes: 8, representativeVotes: 12 },
    ]);
    expect(result).toEqual({
      ok: true,
      elected: ['b'],
      ranking: [
        { memberId: 'b', votes: 20 },
        { memberId: 'a', votes: 15 },
      ],
    });
  });
  it('refuses a tie across the last seat', () => {
    expect(
      tallyVotes(1, ['a', 'b'], 40, [
        { memberId: 'a', memberVotes: 10, representativeVotes: 5 },
        { memberId: 'b', memberVotes: 5, representativeVotes: 10 },
      ]),
    ).toEqual({ ok: false, problem: 'tie-at-cut-off' });
  });
  it('refuses unknown or missing candidates and impossible counts', () => {
    expect(
      tallyVotes(1, ['a', 'b'], 10, [{ memberId: 'a', memberVotes: 1, representativeVotes: 0 }]),
    ).toEqual({ ok: false, problem: 'missing-candidate' });
    expect(
      tallyVotes(1, ['a', 'b'], 10, [
        { memberId: 'a', memberVotes: 1, representativeVotes: 0 },
        { memberId: 'b', memberVotes: 1, representativeVotes: 0 },
        { memberId: 'x', memberVotes: 1, representativeVotes: 0 },
      ]),
    ).toEqual({ ok: false, problem: 'not-a-shortlisted-candidate' });
    expect(
      tallyVotes(1, ['a', 'b'], 10, [
        { memberId: 'a', memberVotes: 9, representativeVotes: 9 },
        { memberId: 'b', memberVotes: 1, representativeVotes: 0 },
      ]),
    ).toEqual({ ok: false, problem: 'votes-exceed-ballots' });
  });
});

describe('objection window', () => {
  it('runs for the configured number of days after publication, inclusive', () => {
    expect(objectionWindowEnd('2026-01-28', 5)).toBe('2026-02-02');
    expect(isWithinObjectionWindow('2026-02-02', '2026-02-02')).toBe(true);
    expect(isWithinObjectionWindow('2026-02-03', '2026-02-02')).toBe(false);
  });
});
