import * as fs from 'node:fs';
import * as path from 'node:path';
import { type SyncScheduler, type Syncable } from '../storage/sync-policy';

/**
 * Committed consumer-group offsets, persisted as an append-only JSON-lines file
 * (`<dataDir>/groups/offsets.log`). A commit is written before it is acknowledged; the file is
 * compacted to the live entries on every start and whenever it has grown to many times their
 * number (kafkajs commits after every batch). Tombstones (`offset: null`) record deletions.
 */
export interface CommittedOffset {
  readonly offset: number;
  readonly metadata: string;
}

interface Line {
  g: string;
  t: string;
  p: number;
  o: number | null;
  m?: string;
}

export class OffsetStore implements Syncable {
  private readonly groups = new Map<string, Map<string, CommittedOffset>>();
  private readonly file: string;
  private fd = -1;
  private linesInFile = 0;

  constructor(
    dataDir: string,
    private readonly scheduler: SyncScheduler,
    /** Rewrite the file once it holds this many lines and 10× the live entries. */
    private readonly compactAfterLines = 10_000,
  ) {
    const dir = path.join(dataDir, 'groups');
    fs.mkdirSync(dir, { recursive: true });
    this.file = path.join(dir, 'offsets.log');
  }

  load(): void {
    if (fs.existsSync(this.file)) {
      for (const raw of fs.readFileSync(this.file, 'utf8').split('\n')) {
        if (raw.trim() === '') continue;
        let line: Line;
        try {
          line = JSON.parse(raw) as Line;
        } catch {
          continue; // a torn last line from a crash mid-write
        }
        this.apply(line);
      }
    }
    this.compact();
  }

  /** Rewrites the file with only live entries (fsynced, then renamed over the old one). */
  private compact(): void {
    if (this.fd >= 0) {
      this.scheduler.forget(this);
      fs.closeSync(this.fd);
    }
    const tmp = `${this.file}.tmp`;
    const lines: string[] = [];
    for (const [g, entries] of this.groups) {
      for (const [k, value] of entries) {
        const [t, p] = splitKey(k);
        lines.push(JSON.stringify({ g, t, p, o: value.offset, m: value.metadata } satisfies Line));
      }
    }
    const tmpFd = fs.openSync(tmp, 'w');
    fs.writeSync(tmpFd, lines.length > 0 ? `${lines.join('\n')}\n` : '');
    fs.fsyncSync(tmpFd);
    fs.closeSync(tmpFd);
    fs.renameSync(tmp, this.file);
    this.linesInFile = lines.length;
    this.fd = fs.openSync(this.file, 'a');
  }

  private liveEntries(): number {
    let n = 0;
    for (const entries of this.groups.values()) n += entries.size;
    return n;
  }

  private apply(line: Line): void {
    let entries = this.groups.get(line.g);
    if (line.o === null) {
      entries?.delete(key(line.t, line.p));
      if (entries?.size === 0) this.groups.delete(line.g);
      return;
    }
    if (entries === undefined) {
      entries = new Map();
      this.groups.set(line.g, entries);
    }
    entries.set(key(line.t, line.p), { offset: line.o, metadata: line.m ?? '' });
  }

  private write(lines: Line[]): void {
    if (lines.length === 0) return;
    for (const line of lines) this.apply(line);
    fs.writeSync(this.fd, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
    this.linesInFile += lines.length;
    if (this.linesInFile >= this.compactAfterLines && this.linesInFile >= 10 * this.liveEntries()) {
      this.compact();
      return;
    }
    this.scheduler.written(this);
  }

  commit(
    group: string,
    entries: readonly { topic: string; partition: number; offset: number; metadata: string }[],
  ): void {
    this.write(entries.map((e) => ({ g: group, t: e.topic, p: e.partition, o: e.offset, m: e.metadata })));
  }

  get(group: string, topic: string, partition: number): CommittedOffset | undefined {
    return this.groups.get(group)?.get(key(topic, partition));
  }

  /** All committed partitions of a group (OffsetFetch with null topics). */
  list(group: string): { topic: string; partition: number; value: CommittedOffset }[] {
    const entries = this.groups.get(group);
    if (entries === undefined) return [];
    return [...entries].map(([k, value]) => {
      const [topic, partition] = splitKey(k);
      return { topic, partition, value };
    });
  }

  groupIds(): string[] {
    return [...this.groups.keys()];
  }

  deleteGroup(group: string): void {
    this.write(this.list(group).map((e) => ({ g: group, t: e.topic, p: e.partition, o: null })));
  }

  deleteTopic(topic: string): void {
    const lines: Line[] = [];
    for (const g of this.groupIds())
      for (const e of this.list(g))
        if (e.topic === topic) lines.push({ g, t: topic, p: e.partition, o: null });
    this.write(lines);
  }

  sync(): void {
    if (this.fd >= 0) fs.fdatasyncSync(this.fd);
  }

  syncTargets(): number[] {
    return this.fd >= 0 ? [this.fd] : [];
  }

  close(): void {
    this.scheduler.forget(this);
    if (this.fd >= 0) {
      fs.fsyncSync(this.fd);
      fs.closeSync(this.fd);
    }
    this.fd = -1;
  }
}

function key(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}

function splitKey(k: string): [string, number] {
  const i = k.lastIndexOf('\u0000');
  return [k.slice(0, i), Number(k.slice(i + 1))];
}
