// Two-way selection of post holders (设岗定责, 001 §3.4, 002): members apply (党员自己申报),
// residents nominate (群众提名推荐), the branch shortlists more candidates than seats (支部差额确定候选人),
// members and resident representatives vote (党员和群众代表投票决定), the result is publicised
// with an objection window (公示), then confirmed.

export const SELECTION_STATES = [
  'open',
  'nominating',
  'shortlisted',
  'voted',
  'publicised',
  'confirmed',
  'cancelled',
] as const;
export type SelectionState = (typeof SELECTION_STATES)[number];

export const SELECTION_STEPS = [
  'apply',
  'close-applications',
  'nominate',
  'shortlist',
  'tally-vote',
  'publicise',
  'object',
  'confirm',
  'cancel',
] as const;
export type SelectionStep = (typeof SELECTION_STEPS)[number];

export const SELECTION_STATE_LABELS: Readonly<Record<SelectionState, string>> = {
  open: '党员申报中',
  nominating: '群众推荐中',
  shortlisted: '已差额确定候选人',
  voted: '已投票计票',
  publicised: '公示中',
  confirmed: '已确定上岗',
  cancelled: '已取消',
};

interface Transition {
  readonly to: SelectionState;
}

const TRANSITIONS: Readonly<Record<SelectionState, Partial<Record<SelectionStep, Transition>>>> = {
  open: { apply: { to: 'open' }, 'close-applications': { to: 'nominating' }, cancel: { to: 'cancelled' } },
  nominating: {
    nominate: { to: 'nominating' },
    shortlist: { to: 'shortlisted' },
    cancel: { to: 'cancelled' },
  },
  shortlisted: { 'tally-vote': { to: 'voted' }, cancel: { to: 'cancelled' } },
  voted: { publicise: { to: 'publicised' }, cancel: { to: 'cancelled' } },
  publicised: { object: { to: 'publicised' }, confirm: { to: 'confirmed' }, cancel: { to: 'cancelled' } },
  confirmed: {},
  cancelled: {},
};

export function allowedSteps(state: SelectionState): SelectionStep[] {
  return SELECTION_STEPS.filter((step) => TRANSITIONS[state][step] !== undefined);
}

export type StepOutcome = { ok: true; next: SelectionState } | { ok: false; allowed: SelectionStep[] };

/** The state after `step`, or the steps that are allowed instead (the API answers 409 with them). */
export function applyStep(state: SelectionState, step: SelectionStep): StepOutcome {
  const transition = TRANSITIONS[state][step];
  return transition ? { ok: true, next: transition.to } : { ok: false, allowed: allowedSteps(state) };
}

export interface CandidateTally {
  readonly memberId: string;
  readonly memberVotes: number;
  readonly representativeVotes: number;
}

export type ShortlistProblem =
  'not-more-candidates-than-seats' | 'candidate-not-applied-or-nominated' | 'duplicate-candidate';

/** 差额: a shortlist needs strictly more candidates than seats, all of whom applied or were nominated. */
export function checkShortlist(
  seats: number,
  candidates: readonly string[],
  eligible: ReadonlySet<string>,
): ShortlistProblem | null {
  if (new Set(candidates).size !== candidates.length) return 'duplicate-candidate';
  if (candidates.length <= seats) return 'not-more-candidates-than-seats';
  if (candidates.some((id) => !eligible.has(id))) return 'candidate-not-applied-or-nominated';
  return null;
}

export type TallyResult =
  | { ok: true; elected: string[]; ranking: { memberId: string; votes: number }[] }
  | {
      ok: false;
      problem:
        'not-a-shortlisted-candidate' | 'missing-candidate' | 'votes-exceed-ballots' | 'tie-at-cut-off';
    };

/**
 * Ranks shortlisted candidates by total votes (members plus resident representatives). A tie
 * across the last seat cannot be decided by the system: the branch must hold a run-off.
 */
export function tallyVotes(
  seats: number,
  shortlist: readonly string[],
  ballotsCast: number,
  tallies: readonly CandidateTally[],
): TallyResult {
  const byId = new Map(tallies.map((t) => [t.memberId, t]));
  if (tallies.some((t) => !shortlist.includes(t.memberId)))
    return { ok: false, problem: 'not-a-shortlisted-candidate' };
  if (shortlist.some((id) => !byId.has(id))) return { ok: false, problem: 'missing-candidate' };
  const ranking = shortlist
    .map((memberId) => {
      const t = byId.get(memberId);
      return { memberId, votes: (t?.memberVotes ?? 0) + (t?.representativeVotes ?? 0) };
    })
    .sort((a, b) => b.votes - a.votes || a.memberId.localeCompare(b.memberId));
  if (ranking.some((r) => r.votes > ballotsCast)) return { ok: false, problem: 'votes-exceed-ballots' };
  if (ranking.length > seats && ranking[seats - 1].votes === ranking[seats].votes)
    return { ok: false, problem: 'tie-at-cut-off' };
  return { ok: true, elected: ranking.slice(0, seats).map((r) => r.memberId), ranking };
}

/** Last day of the objection window: publicised on day D with N days → objections until D + N. */
export function objectionWindowEnd(publicisedOn: string, days: number): string {
  const d = new Date(`${publicisedOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function isWithinObjectionWindow(today: string, windowEndsOn: string): boolean {
  return today <= windowEndsOn;
}
