import { ErrorCode } from '../protocol/errors';
import { type BrokerLogger } from '../logger';
import { GroupCoordinator, type JoinRequest } from './group-coordinator';
import { type JoinResult } from './group';

const quiet: BrokerLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

function joinRequest(memberId: string, overrides: Partial<JoinRequest> = {}): JoinRequest {
  return {
    groupId: 'g',
    sessionTimeoutMs: 6000,
    rebalanceTimeoutMs: 20_000,
    memberId,
    groupInstanceId: null,
    protocolType: 'consumer',
    protocols: [{ name: 'roundrobin', metadata: Buffer.from('m') }],
    clientId: 'c',
    clientHost: '127.0.0.1',
    requireKnownMemberId: true,
    ...overrides,
  };
}

/** Joins a new member through MEMBER_ID_REQUIRED, as kafkajs and librdkafka do. */
async function joinNew(
  coordinator: GroupCoordinator,
): Promise<{ memberId: string; result: Promise<JoinResult> }> {
  const first = await coordinator.join(joinRequest(''));
  expect(first.error).toBe(ErrorCode.MEMBER_ID_REQUIRED);
  return { memberId: first.memberId, result: coordinator.join(joinRequest(first.memberId)) };
}

describe('group coordinator (classic protocol, eager)', () => {
  let coordinator: GroupCoordinator;
  beforeEach(() => {
    jest.useFakeTimers();
    coordinator = new GroupCoordinator(
      { initialRebalanceDelayMs: 0, minSessionTimeoutMs: 6000, maxSessionTimeoutMs: 1_800_000 },
      quiet,
    );
  });
  afterEach(() => {
    coordinator.close();
    jest.useRealTimers();
  });

  it('makes the first member leader of generation 1 and gives it every member metadata', async () => {
    const a = await joinNew(coordinator);
    const joined = await a.result;
    expect(joined).toMatchObject({
      error: 0,
      generationId: 1,
      leaderId: a.memberId,
      protocolName: 'roundrobin',
    });
    expect(joined.members.map((m) => m.memberId)).toEqual([a.memberId]);
    const sync = await coordinator.sync({
      groupId: 'g',
      generationId: 1,
      memberId: a.memberId,
      assignments: [{ memberId: a.memberId, assignment: Buffer.from('all') }],
    });
    expect(sync.assignment.toString()).toBe('all');
    expect(coordinator.describe('g').state).toBe('Stable');
  });

  it('tells existing members to rejoin via heartbeat when a new member joins, then completes with both', async () => {
    const a = await joinNew(coordinator);
    await a.result;
    await coordinator.sync({ groupId: 'g', generationId: 1, memberId: a.memberId, assignments: [] });
    const b = await joinNew(coordinator);
    expect(coordinator.heartbeat('g', 1, a.memberId)).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
    const aAgain = coordinator.join(joinRequest(a.memberId));
    const [ra, rb] = await Promise.all([aAgain, b.result]);
    expect(ra.generationId).toBe(2);
    expect(rb.generationId).toBe(2);
    expect(ra.members).toHaveLength(2); // a stays leader
    expect(rb.members).toHaveLength(0);
  });

  it('reaps a member whose session expires during a rebalance, so the others are not held for the rebalance timeout', async () => {
    const a = await joinNew(coordinator);
    await a.result;
    await coordinator.sync({ groupId: 'g', generationId: 1, memberId: a.memberId, assignments: [] });
    const b = await joinNew(coordinator); // a never rejoins: it "crashed"
    let done: JoinResult | undefined;
    void b.result.then((r) => (done = r));
    await jest.advanceTimersByTimeAsync(5000);
    expect(done).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1500);
    expect(done).toMatchObject({ error: 0, generationId: 2, leaderId: b.memberId });
  });

  it('answers a follower parked in SyncGroup with REBALANCE_IN_PROGRESS when the leader dies before syncing', async () => {
    const a = await joinNew(coordinator);
    await a.result;
    await coordinator.sync({ groupId: 'g', generationId: 1, memberId: a.memberId, assignments: [] });
    const b = await joinNew(coordinator);
    const [, rb] = await Promise.all([coordinator.join(joinRequest(a.memberId)), b.result]);
    const followerSync = coordinator.sync({
      groupId: 'g',
      generationId: rb.generationId,
      memberId: b.memberId,
      assignments: [],
    });
    await jest.advanceTimersByTimeAsync(6500); // leader a never sends SyncGroup nor heartbeats
    expect((await followerSync).error).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
    const rejoin = await coordinator.join(joinRequest(b.memberId));
    expect(rejoin).toMatchObject({ error: 0, generationId: 3, leaderId: b.memberId });
  });

  it('rejects a session timeout outside the allowed range, an unknown member and a stale generation', async () => {
    expect((await coordinator.join(joinRequest('', { sessionTimeoutMs: 1000 }))).error).toBe(
      ErrorCode.INVALID_SESSION_TIMEOUT,
    );
    expect((await coordinator.join(joinRequest('ghost'))).error).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    const a = await joinNew(coordinator);
    await a.result;
    expect(
      (await coordinator.sync({ groupId: 'g', generationId: 0, memberId: a.memberId, assignments: [] }))
        .error,
    ).toBe(ErrorCode.ILLEGAL_GENERATION);
    expect(coordinator.validateCommit('g', 1, a.memberId)).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
  });

  it('refuses a member whose protocols share nothing with the group', async () => {
    const a = await joinNew(coordinator);
    await a.result;
    const other = await coordinator.join(
      joinRequest('', { protocols: [{ name: 'range', metadata: Buffer.alloc(0) }] }),
    );
    expect(other.error).toBe(ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
  });

  it('empties the group when the last member leaves', async () => {
    const a = await joinNew(coordinator);
    await a.result;
    expect(coordinator.leave('g', a.memberId)).toBe(ErrorCode.NONE);
    expect(coordinator.describe('g').state).toBe('Empty');
    expect(coordinator.validateCommit('g', -1, '')).toBe(ErrorCode.NONE);
  });
});
