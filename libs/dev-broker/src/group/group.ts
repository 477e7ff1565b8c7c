/**
 * One consumer group's classic (eager) membership state (spec §2.11). Metadata and assignments are
 * opaque bytes. JoinGroup and SyncGroup answers are deferred callbacks; a member is removed by
 * LeaveGroup or by its session timer, never by its TCP connection closing.
 */
export type GroupState = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead';

export interface JoinResult {
  readonly error: number;
  readonly generationId: number;
  readonly protocolName: string;
  readonly leaderId: string;
  readonly memberId: string;
  readonly members: readonly { memberId: string; groupInstanceId: string | null; metadata: Buffer }[];
}

export interface SyncResult {
  readonly error: number;
  readonly assignment: Buffer;
}

export interface Protocol {
  readonly name: string;
  readonly metadata: Buffer;
}

export interface Member {
  readonly memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  protocols: Protocol[];
  assignment: Buffer;
  joinCallback: ((result: JoinResult) => void) | undefined;
  syncCallback: ((result: SyncResult) => void) | undefined;
  sessionTimer: NodeJS.Timeout | undefined;
}

export class Group {
  state: GroupState = 'Empty';
  generationId = 0;
  protocolType: string | null = null;
  protocolName: string | null = null;
  leaderId: string | null = null;
  /** Insertion order = join order (used to pick a new leader). */
  readonly members = new Map<string, Member>();
  /** Member ids handed out with MEMBER_ID_REQUIRED that have not joined yet, with their expiry. */
  readonly pending = new Map<string, NodeJS.Timeout>();
  rebalanceTimer: NodeJS.Timeout | undefined;
  initialDelayTimer: NodeJS.Timeout | undefined;

  constructor(readonly groupId: string) {}

  /** Protocol names every member (plus an optional candidate's list) supports, in no order. */
  commonProtocols(extra?: readonly Protocol[]): Set<string> {
    let common: Set<string> | undefined;
    const lists = [
      ...[...this.members.values()].map((m) => m.protocols),
      ...(extra === undefined ? [] : [extra]),
    ];
    for (const list of lists) {
      const names = new Set(list.map((p) => p.name));
      common = common === undefined ? names : new Set([...common].filter((n) => names.has(n)));
    }
    return common ?? new Set();
  }

  /** Each member votes for its first-listed common protocol; most votes wins (Kafka's rule). */
  selectProtocol(): string {
    const candidates = this.commonProtocols();
    const votes = new Map<string, number>();
    for (const member of this.members.values()) {
      const choice = member.protocols.find((p) => candidates.has(p.name));
      if (choice !== undefined) votes.set(choice.name, (votes.get(choice.name) ?? 0) + 1);
    }
    let best = '';
    let bestVotes = -1;
    for (const [name, count] of votes) {
      if (count > bestVotes) {
        best = name;
        bestVotes = count;
      }
    }
    return best;
  }

  metadataFor(member: Member): Buffer {
    return member.protocols.find((p) => p.name === this.protocolName)?.metadata ?? Buffer.alloc(0);
  }

  allMembersJoined(): boolean {
    if (this.pending.size > 0) return false;
    for (const member of this.members.values()) if (member.joinCallback === undefined) return false;
    return true;
  }

  maxRebalanceTimeoutMs(): number {
    let max = 0;
    for (const member of this.members.values()) max = Math.max(max, member.rebalanceTimeoutMs);
    return max;
  }
}
