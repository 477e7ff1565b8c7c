// Party groups (党小组, 000): "原则上每个党小组5-10名党员", one leader who convenes the group,
// and at least one group activity a month.

export const MIN_GROUP_MEMBERS = 5;
export const MAX_GROUP_MEMBERS = 10;

export type GroupRuleProblem =
  'group-full' | 'leader-not-in-group' | 'leader-cannot-leave' | 'already-in-group' | 'not-in-group';

export function checkJoin(currentMemberIds: readonly string[], memberId: string): GroupRuleProblem | null {
  if (currentMemberIds.includes(memberId)) return 'already-in-group';
  if (currentMemberIds.length >= MAX_GROUP_MEMBERS) return 'group-full';
  return null;
}

export function checkLeader(currentMemberIds: readonly string[], leaderId: string): GroupRuleProblem | null {
  return currentMemberIds.includes(leaderId) ? null : 'leader-not-in-group';
}

export function checkLeave(
  currentMemberIds: readonly string[],
  leaderId: string | null,
  memberId: string,
): GroupRuleProblem | null {
  if (!currentMemberIds.includes(memberId)) return 'not-in-group';
  if (leaderId === memberId) return 'leader-cannot-leave';
  return null;
}

/** A group being formed: 1–10 distinct members and a leader among them. */
export function checkFormation(
  memberIds: readonly string[],
  leaderId: string | null,
): GroupRuleProblem | null {
  if (new Set(memberIds).size !== memberIds.length) return 'already-in-group';
  if (memberIds.length > MAX_GROUP_MEMBERS) return 'group-full';
  if (leaderId !== null) return checkLeader(memberIds, leaderId);
  return null;
}

/** Under five members is allowed (groups fill up over time) but listed as understaffed. */
export function isUnderstaffed(memberCount: number): boolean {
  return memberCount < MIN_GROUP_MEMBERS;
}

export const GROUP_RULE_MESSAGES: Readonly<Record<GroupRuleProblem, string>> = {
  'group-full': `a party group has at most ${MAX_GROUP_MEMBERS} members`,
  'leader-not-in-group': 'the leader must be a member of the group',
  'leader-cannot-leave': 'appoint another leader before the leader leaves',
  'already-in-group': 'the member is already in the group',
  'not-in-group': 'the member is not in the group',
};

/** `YYYY-MM` → first and last day, for "no activity in month" queries. */
export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}
