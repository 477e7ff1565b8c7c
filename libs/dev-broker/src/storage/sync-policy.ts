import * as fs from 'node:fs';

/**
 * When appended bytes reach the disk. `'batch'` fsyncs each written file before the request that
 * wrote it is answered (an acknowledged message survives power loss); `{ intervalMs }` fsyncs dirty
 * files on a timer, off the event loop (an acknowledged message survives a process crash — the
 * page cache has it — but an OS crash may lose the last interval). The timer is unref'd and
 * cleared on stop.
 */
export type FsyncPolicy = 'batch' | { readonly intervalMs: number };

export interface Syncable {
  /** Synchronous fsync of everything written (used for 'batch' and at shutdown). */
  sync(): void;
  /** File descriptors to fsync in the background for the interval policy. */
  syncTargets(): number[];
}

export class SyncScheduler {
  private readonly dirty = new Set<Syncable>();
  private timer: NodeJS.Timeout | undefined;
  private inFlight = 0;

  constructor(private readonly policy: FsyncPolicy) {
    if (policy !== 'batch') {
      this.timer = setInterval(() => this.flushInBackground(), Math.max(1, policy.intervalMs));
      this.timer.unref();
    }
  }

  /** Marks a file written since the last fsync. */
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

  /**
   * fdatasync on libuv's thread pool: a synchronous fsync of a busy file would stall every
   * client for milliseconds once per interval. Skipped while the previous round is running.
   */
  private flushInBackground(): void {
    if (this.inFlight > 0) return;
    const fds = [...this.dirty].flatMap((f) => f.syncTargets());
    this.dirty.clear();
    for (const fd of fds) {
      this.inFlight++;
      // A file closed meanwhile (deleted topic, rolled segment) reports EBADF: nothing to sync.
      fs.fdatasync(fd, () => {
        this.inFlight--;
      });
    }
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
