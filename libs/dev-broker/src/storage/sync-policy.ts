/**
 * When appended bytes reach the disk. `'batch'` fsyncs each written file before the request that
 * wrote it is answered (an acknowledged message survives power loss); `{ intervalMs }` fsyncs dirty
 * files on a timer (an acknowledged message survives a process crash — the page cache has it —
 * but an OS crash may lose the last interval). The timer is unref'd and cleared on stop.
 */
export type FsyncPolicy = 'batch' | { readonly intervalMs: number };

export interface Syncable {
  sync(): void;
}

export class SyncScheduler {
  private readonly dirty = new Set<Syncable>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly policy: FsyncPolicy) {
    if (policy !== 'batch') {
      this.timer = setInterval(() => this.flush(), Math.max(1, policy.intervalMs));
      this.timer.unref();
    }
  }

  /** Marks a file written; with 'batch' it is synced by the caller's `flushNow` before replying. */
  written(file: Syncable): void {
    this.dirty.add(file);
  }

  /** Called once per request after all its writes, so 'batch' costs one fsync per file per request. */
  afterRequest(): void {
    if (this.policy === 'batch') this.flush();
  }

  flush(): void {
    for (const file of this.dirty) file.sync();
    this.dirty.clear();
  }

  forget(file: Syncable): void {
    this.dirty.delete(file);
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.flush();
  }
}
