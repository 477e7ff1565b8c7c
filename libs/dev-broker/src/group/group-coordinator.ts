import { randomUUID } from 'node:crypto';
import { ErrorCode } from '../protocol/errors';
import { type BrokerLogger } from '../logger';
import {
  Group,
  type GroupState,
  type JoinResult,
  type Member,
  type Protocol,
  type SyncResult,
} from './group';

export interface CoordinatorSettings {
  readonly initialRebalanceDelayMs: number;
  readonly minSessionTimeoutMs: number;
  readonly maxSessionTimeoutMs: number;
}

export interface JoinRequest {
  readonly groupId: string;
  readonly sessionTimeoutMs: number;
  readonly rebalanceTimeoutMs: number;
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  readonly protocolType: string;
  readonly protocols: readonly Protocol[];
  readonly clientId: string;
  readonly clientHost: string;
  /** v4+ asks new members to rejoin with an assigned id (MEMBER_ID_REQUIRED). */
  readonly requireKnownMemberId: boolean;
}

export interface SyncRequest {
  readonly groupId: string;
  readonly generationId: number;
  readonly memberId: string;
  readonly assignments: readonly { memberId: string; assignment: Buffer }[];
}

export interface GroupDescription {
  readonly groupId: string;
  readonly state: GroupState;
  readonly protocolType: string;
  readonly protocolName: string;
  readonly members: readonly {
    memberId: string;
    clientId: string;
    clientHost: string;
    metadata: Buffer;
    assignment: Buffer;
  }[];
}

const EMPTY = Buffer.alloc(0);

function failedJoin(error: number, memberId: string): JoinResult {
  return { error, generationId: -1, protocolName: '', leaderId: '', memberId, members: [] };
}

/**
 * The group coordinator: classic protocol, eager rebalancing, in memory (membership does not
 * survive a broker restart — clients rejoin — but committed offsets do, in the OffsetStore).
 */
export class GroupCoordinator {
  private readonly groups = new Map<string, Group>();

  constructor(
    private readonly settings: CoordinatorSettings,
    private readonly logger: BrokerLogger,
  ) {}

  join(req: JoinRequest): Promise<JoinResult> {
    if (req.groupId === '') return Promise.resolve(failedJoin(ErrorCode.INVALID_GROUP_ID, req.memberId));
    if (
      req.sessionTimeoutMs < this.settings.minSessionTimeoutMs ||
      req.sessionTimeoutMs > this.settings.maxSessionTimeoutMs
    ) {
      return Promise.resolve(failedJoin(ErrorCode.INVALID_SESSION_TIMEOUT, req.memberId));
    }
    let group = this.groups.get(req.groupId);
    if (group === undefined) {
      group = new Group(req.groupId);
      this.groups.set(req.groupId, group);
    }
    if (
      group.members.size > 0 &&
      (group.protocolType !== req.protocolType || group.commonProtocols(req.protocols).size === 0)
    ) {
      return Promise.resolve(failedJoin(ErrorCode.INCONSISTENT_GROUP_PROTOCOL, req.memberId));
    }
    if (req.protocols.length === 0)
      return Promise.resolve(failedJoin(ErrorCode.INCONSISTENT_GROUP_PROTOCOL, req.memberId));

    let memberId = req.memberId;
    if (memberId === '') {
      memberId = `${req.clientId}-${randomUUID()}`;
      if (req.requireKnownMemberId && req.groupInstanceId === null) {
        const g = group;
        const timer = setTimeout(() => {
          g.pending.delete(memberId);
          this.maybeCompleteJoin(g);
        }, req.sessionTimeoutMs);
        timer.unref();
        group.pending.set(memberId, timer);
        return Promise.resolve(failedJoin(ErrorCode.MEMBER_ID_REQUIRED, memberId));
      }
    } else if (!group.members.has(memberId) && !group.pending.has(memberId)) {
      return Promise.resolve(failedJoin(ErrorCode.UNKNOWN_MEMBER_ID, memberId));
    }

    const pendingTimer = group.pending.get(memberId);
    if (pendingTimer !== undefined) {
      clearTimeout(pendingTimer);
      group.pending.delete(memberId);
    }
    let member = group.members.get(memberId);
    if (member === undefined) {
      member = {
        memberId,
        groupInstanceId: req.groupInstanceId,
        clientId: req.clientId,
        clientHost: req.clientHost,
        sessionTimeoutMs: req.sessionTimeoutMs,
        rebalanceTimeoutMs: req.rebalanceTimeoutMs,
        protocols: [],
        assignment: EMPTY,
        joinCallback: undefined,
        syncCallback: undefined,
        sessionTimer: undefined,
      };
      group.members.set(memberId, member);
      if (group.leaderId === null) group.leaderId = memberId;
    }
    member.sessionTimeoutMs = req.sessionTimeoutMs;
    member.rebalanceTimeoutMs = req.rebalanceTimeoutMs;
    member.protocols = req.protocols.map((p) => ({ name: p.name, metadata: Buffer.from(p.metadata) }));
    group.protocolType = req.protocolType;

    const g = group;
    const m = member;
    return new Promise<JoinResult>((resolve) => {
      // A repeated join from the same member (e.g. after a client-side timeout) replaces the old one.
      m.joinCallback?.(failedJoin(ErrorCode.UNKNOWN_MEMBER_ID, m.memberId));
      m.joinCallback = resolve;
      this.touchSession(g, m);
      switch (g.state) {
        case 'Empty':
        case 'Dead':
          if (this.settings.initialRebalanceDelayMs > 0) {
            g.initialDelayTimer = setTimeout(() => {
              g.initialDelayTimer = undefined;
              this.maybeCompleteJoin(g);
            }, this.settings.initialRebalanceDelayMs);
            g.initialDelayTimer.unref();
          }
          this.prepareRebalance(g, `member ${m.memberId} joined an empty group`);
          break;
        case 'Stable':
        case 'CompletingRebalance':
          this.prepareRebalance(g, `member ${m.memberId} (re)joined`);
          break;
        case 'PreparingRebalance':
          this.maybeCompleteJoin(g);
          break;
      }
    });
  }

  sync(req: SyncRequest): Promise<SyncResult> {
    const group = this.groups.get(req.groupId);
    const member = group?.members.get(req.memberId);
    if (group === undefined || member === undefined)
      return Promise.resolve({ error: ErrorCode.UNKNOWN_MEMBER_ID, assignment: EMPTY });
    if (req.generationId !== group.generationId)
      return Promise.resolve({ error: ErrorCode.ILLEGAL_GENERATION, assignment: EMPTY });
    switch (group.state) {
      case 'PreparingRebalance':
        return Promise.resolve({ error: ErrorCode.REBALANCE_IN_PROGRESS, assignment: EMPTY });
      case 'Stable':
        this.touchSession(group, member);
        return Promise.resolve({ error: ErrorCode.NONE, assignment: member.assignment });
      case 'Empty':
      case 'Dead':
        return Promise.resolve({ error: ErrorCode.UNKNOWN_MEMBER_ID, assignment: EMPTY });
      case 'CompletingRebalance':
        break;
    }
    return new Promise<SyncResult>((resolve) => {
      member.syncCallback?.({ error: ErrorCode.UNKNOWN_MEMBER_ID, assignment: EMPTY });
      member.syncCallback = resolve;
      this.touchSession(group, member);
      if (req.memberId === group.leaderId) {
        for (const m of group.members.values()) m.assignment = EMPTY;
        for (const a of req.assignments) {
          const target = group.members.get(a.memberId);
          if (target !== undefined) target.assignment = Buffer.from(a.assignment);
        }
        group.state = 'Stable';
        this.logger.debug(`dev-broker: group ${group.groupId} stable at generation ${group.generationId}`);
        for (const m of group.members.values()) {
          const cb = m.syncCallback;
          m.syncCallback = undefined;
          cb?.({ error: ErrorCode.NONE, assignment: m.assignment });
        }
      }
    });
  }

  heartbeat(groupId: string, generationId: number, memberId: string): number {
    const group = this.groups.get(groupId);
    const member = group?.members.get(memberId);
    if (group === undefined || member === undefined) return ErrorCode.UNKNOWN_MEMBER_ID;
    switch (group.state) {
      case 'PreparingRebalance':
        // Still alive; the error tells the member to rejoin.
        this.touchSession(group, member);
        return ErrorCode.REBALANCE_IN_PROGRESS;
      case 'CompletingRebalance':
      case 'Stable':
        if (generationId !== group.generationId) return ErrorCode.ILLEGAL_GENERATION;
        this.touchSession(group, member);
        return ErrorCode.NONE;
      case 'Empty':
      case 'Dead':
        return ErrorCode.UNKNOWN_MEMBER_ID;
    }
  }

  leave(groupId: string, memberId: string): number {
    const group = this.groups.get(groupId);
    const member = group?.members.get(memberId);
    if (group === undefined || member === undefined) return ErrorCode.UNKNOWN_MEMBER_ID;
    this.removeMember(group, member, 'left the group');
    return ErrorCode.NONE;
  }

  /** OffsetCommit membership check (spec §2.12). */
  validateCommit(groupId: string, generationId: number, memberId: string): number {
    const group = this.groups.get(groupId);
    if (generationId < 0 && memberId === '') {
      return group === undefined || group.members.size === 0 ? ErrorCode.NONE : ErrorCode.UNKNOWN_MEMBER_ID;
    }
    if (group === undefined || !group.members.has(memberId)) return ErrorCode.UNKNOWN_MEMBER_ID;
    if (generationId !== group.generationId) return ErrorCode.ILLEGAL_GENERATION;
    if (group.state === 'CompletingRebalance') return ErrorCode.REBALANCE_IN_PROGRESS;
    const member = group.members.get(memberId);
    if (member !== undefined) this.touchSession(group, member);
    return ErrorCode.NONE;
  }

  describe(groupId: string): GroupDescription {
    const group = this.groups.get(groupId);
    if (group === undefined)
      return { groupId, state: 'Dead', protocolType: '', protocolName: '', members: [] };
    const stable = group.state === 'Stable' || group.state === 'CompletingRebalance';
    return {
      groupId,
      state: group.state,
      protocolType: group.protocolType ?? '',
      protocolName: stable ? (group.protocolName ?? '') : '',
      members: [...group.members.values()].map((m) => ({
        memberId: m.memberId,
        clientId: m.clientId,
        clientHost: m.clientHost,
        metadata: stable ? group.metadataFor(m) : EMPTY,
        assignment: group.state === 'Stable' ? m.assignment : EMPTY,
      })),
    };
  }

  list(): { groupId: string; protocolType: string }[] {
    return [...this.groups.values()].map((g) => ({ groupId: g.groupId, protocolType: g.protocolType ?? '' }));
  }

  isEmpty(groupId: string): boolean {
    const group = this.groups.get(groupId);
    return group === undefined || group.members.size === 0;
  }

  has(groupId: string): boolean {
    return this.groups.has(groupId);
  }

  /** DeleteGroups: only empty groups may go. */
  delete(groupId: string): void {
    const group = this.groups.get(groupId);
    if (group === undefined) return;
    this.clearTimers(group);
    group.state = 'Dead';
    this.groups.delete(groupId);
  }

  /** Stops every timer; parked requests are dropped (their connections are being closed). */
  close(): void {
    for (const group of this.groups.values()) {
      this.clearTimers(group);
      for (const m of group.members.values()) {
        m.joinCallback = undefined;
        m.syncCallback = undefined;
      }
    }
    this.groups.clear();
  }

  private clearTimers(group: Group): void {
    if (group.rebalanceTimer !== undefined) clearTimeout(group.rebalanceTimer);
    if (group.initialDelayTimer !== undefined) clearTimeout(group.initialDelayTimer);
    group.rebalanceTimer = undefined;
    group.initialDelayTimer = undefined;
    for (const t of group.pending.values()) clearTimeout(t);
    group.pending.clear();
    for (const m of group.members.values()) if (m.sessionTimer !== undefined) clearTimeout(m.sessionTimer);
  }

  private prepareRebalance(group: Group, reason: string): void {
    if (group.state === 'CompletingRebalance') {
      for (const m of group.members.values()) {
        const cb = m.syncCallback;
        if (cb === undefined) continue;
        m.syncCallback = undefined;
        // It was waiting on us; give it a full session to come back with a JoinGroup.
        this.touchSession(group, m);
        cb({ error: ErrorCode.REBALANCE_IN_PROGRESS, assignment: EMPTY });
      }
    }
    if (group.state !== 'PreparingRebalance') {
      this.logger.debug(`dev-broker: group ${group.groupId} rebalancing: ${reason}`);
      group.state = 'PreparingRebalance';
      if (group.rebalanceTimer !== undefined) clearTimeout(group.rebalanceTimer);
      group.rebalanceTimer = setTimeout(
        () => {
          group.rebalanceTimer = undefined;
          this.completeJoin(group);
        },
        Math.max(group.maxRebalanceTimeoutMs(), 1),
      );
      group.rebalanceTimer.unref();
    }
    this.maybeCompleteJoin(group);
  }

  private maybeCompleteJoin(group: Group): void {
    if (group.state !== 'PreparingRebalance' || group.initialDelayTimer !== undefined) return;
    if (group.allMembersJoined()) this.completeJoin(group);
  }

  /** Ends the join phase: members that did not rejoin are dropped; the rest get the new generation. */
  private completeJoin(group: Group): void {
    if (group.state !== 'PreparingRebalance') return;
    if (group.rebalanceTimer !== undefined) clearTimeout(group.rebalanceTimer);
    group.rebalanceTimer = undefined;
    if (group.initialDelayTimer !== undefined) clearTimeout(group.initialDelayTimer);
    group.initialDelayTimer = undefined;
    for (const member of [...group.members.values()]) {
      if (member.joinCallback === undefined) this.dropMember(group, member);
    }
    group.generationId++;
    if (group.members.size === 0) {
      group.state = 'Empty';
      group.protocolName = null;
      group.leaderId = null;
      return;
    }
    group.protocolName = group.selectProtocol();
    if (group.leaderId === null || !group.members.has(group.leaderId))
      group.leaderId = group.members.keys().next().value ?? null;
    group.state = 'CompletingRebalance';
    const leaderId = group.leaderId ?? '';
    const everyone = [...group.members.values()].map((m) => ({
      memberId: m.memberId,
      groupInstanceId: m.groupInstanceId,
      metadata: group.metadataFor(m),
    }));
    for (const member of group.members.values()) {
      const cb = member.joinCallback;
      member.joinCallback = undefined;
      member.assignment = EMPTY;
      this.touchSession(group, member);
      cb?.({
        error: ErrorCode.NONE,
        generationId: group.generationId,
        protocolName: group.protocolName,
        leaderId,
        memberId: member.memberId,
        members: member.memberId === leaderId ? everyone : [],
      });
    }
  }

  /** Restarts a member's session timer; on expiry the member is removed as if it left. */
  private touchSession(group: Group, member: Member): void {
    if (member.sessionTimer !== undefined) clearTimeout(member.sessionTimer);
    member.sessionTimer = setTimeout(() => {
      member.sessionTimer = undefined;
      if (group.members.get(member.memberId) !== member) return;
      // A member parked in JoinGroup/SyncGroup is waiting on us, not dead.
      if (member.joinCallback !== undefined || member.syncCallback !== undefined) {
        this.touchSession(group, member);
        return;
      }
      this.removeMember(group, member, 'session timed out');
    }, member.sessionTimeoutMs);
    member.sessionTimer.unref();
  }

  private dropMember(group: Group, member: Member): void {
    if (member.sessionTimer !== undefined) clearTimeout(member.sessionTimer);
    member.sessionTimer = undefined;
    group.members.delete(member.memberId);
    const join = member.joinCallback;
    const sync = member.syncCallback;
    member.joinCallback = undefined;
    member.syncCallback = undefined;
    join?.(failedJoin(ErrorCode.UNKNOWN_MEMBER_ID, member.memberId));
    sync?.({ error: ErrorCode.UNKNOWN_MEMBER_ID, assignment: EMPTY });
    if (group.leaderId === member.memberId) group.leaderId = group.members.keys().next().value ?? null;
  }

  private removeMember(group: Group, member: Member, reason: string): void {
    this.logger.info(`dev-broker: group ${group.groupId}: member ${member.memberId} ${reason}`);
    this.dropMember(group, member);
    switch (group.state) {
      case 'Stable':
      case 'CompletingRebalance':
        this.prepareRebalance(group, `member ${member.memberId} ${reason}`);
        break;
      case 'PreparingRebalance':
        this.maybeCompleteJoin(group);
        break;
      case 'Empty':
      case 'Dead':
        break;
    }
  }
}
