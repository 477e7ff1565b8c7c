import { context, ROOT_CONTEXT, type Link, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

export interface WriteBatcherOptions {
  /** Most items in one batch. */
  readonly maxBatch: number;
  /** Most batches running at once; items arriving meanwhile wait and leave together. */
  readonly maxInFlight: number;
  /** Name of the span each batch runs in (linked to the spans of the requests it carries). */
  readonly spanName: string;
}

interface Waiting<Item, Outcome> {
  readonly item: Item;
  readonly link: Link | undefined;
  resolve(outcome: Outcome): void;
  reject(error: unknown): void;
}

/**
 * Group commit for writes that arrive together: items submitted while `maxInFlight` batches are
 * already running wait, and leave as one batch (one round trip, one transaction) when a slot
 * frees up. A lone item leaves at once (on the next turn of the event loop, with whatever arrived
 * in the same turn), so batching adds no latency when the service is quiet and saves a round trip,
 * a commit and a wake-up of a database backend per item when it is busy.
 *
 * `runBatch` must answer one outcome per item, in order, and keep the items independent of each
 * other (one item's failure is its outcome, not an exception). An exception from `runBatch`
 * fails every item of that batch, and only that batch.
 */
export class WriteBatcher<Item, Outcome> {
  private readonly waiting: Waiting<Item, Outcome>[] = [];
  private inFlight = 0;
  private flushScheduled = false;
  private readonly drainWaiters: (() => void)[] = [];

  constructor(
    private readonly runBatch: (items: readonly Item[]) => Promise<readonly Outcome[]>,
    private readonly options: WriteBatcherOptions,
  ) {
    if (options.maxBatch < 1 || options.maxInFlight < 1)
      throw new Error('WriteBatcher needs maxBatch >= 1 and maxInFlight >= 1');
  }

  submit(item: Item): Promise<Outcome> {
    const caller = trace.getSpanContext(context.active());
    return new Promise<Outcome>((resolve, reject) => {
      this.waiting.push({ item, link: caller ? { context: caller } : undefined, resolve, reject });
      this.scheduleFlush();
    });
  }

  /** Resolves once nothing waits and no batch runs (for shutdown). */
  drained(): Promise<void> {
    if (this.waiting.length === 0 && this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.inFlight >= this.options.maxInFlight || this.waiting.length === 0) return;
    this.flushScheduled = true;
    // In the root context: the batch belongs to no single request (its span links to all of them).
    context.with(ROOT_CONTEXT, () =>
      setImmediate(() => {
        this.flushScheduled = false;
        this.flush();
      }),
    );
  }

  private flush(): void {
    while (this.inFlight < this.options.maxInFlight && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.options.maxBatch);
      this.inFlight += 1;
      void this.run(batch).finally(() => {
        this.inFlight -= 1;
        this.scheduleFlush();
        if (this.waiting.length === 0 && this.inFlight === 0)
          for (const resolve of this.drainWaiters.splice(0)) resolve();
      });
    }
  }

  private async run(batch: readonly Waiting<Item, Outcome>[]): Promise<void> {
    const links = batch.flatMap((waiting) => (waiting.link ? [waiting.link] : []));
    const tracer = trace.getTracer('@lianxin/platform-persistence');
    await tracer.startActiveSpan(
      this.options.spanName,
      { kind: SpanKind.INTERNAL, links, attributes: { 'lianxin.batch.size': batch.length } },
      async (span) => {
        try {
          const outcomes = await this.runBatch(batch.map((waiting) => waiting.item));
          if (outcomes.length !== batch.length)
            throw new Error(`batch of ${batch.length} answered ${outcomes.length} outcomes`);
          batch.forEach((waiting, index) => waiting.resolve(outcomes[index] as Outcome));
        } catch (error) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
          for (const waiting of batch) waiting.reject(error);
        } finally {
          span.end();
        }
      },
    );
  }
}
