import { type Envelope, type TopicDefinition } from '@lianxin/contracts';
import {
  context,
  type Context,
  type Link,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { type EachBatchPayload, type KafkaMessage, type Producer } from 'kafkajs';
import { backoffDelay, type BackoffPolicy, sleep } from '../retry/backoff';
import { extractTraceContext, headerString } from '../trace/trace-context';
import { type ConsumedEvent, type ConsumerLogger, type MessageContext } from './consumer-options';
import { decodeMessage } from './decode-message';
import { deadLetterHeaders, type DeadLetterKind, errorText } from './dlq-headers';

export interface BatchProcessorOptions<TEnvelope> {
  groupId: string;
  topics: ReadonlyMap<string, TopicDefinition>;
  handle: ((envelope: TEnvelope, context: MessageContext) => Promise<void>) | undefined;
  handleBatch: ((events: readonly ConsumedEvent<TEnvelope>[]) => Promise<void>) | undefined;
  maxAttempts: number;
  backoff: BackoffPolicy;
  producer: Producer;
  logger: ConsumerLogger;
}

interface Item {
  readonly message: KafkaMessage;
  readonly envelope: Envelope<unknown>;
}

const tracer = trace.getTracer('@lianxin/platform-messaging');
/** Heartbeat at least this often while sleeping between retries, so the group keeps us. */
const HEARTBEAT_SLICE_MS = 1000;

/** Works through one fetched batch of one partition, in offset order. */
export class BatchProcessor<TEnvelope extends Envelope<unknown>> {
  constructor(private readonly options: BatchProcessorOptions<TEnvelope>) {}

  async process(payload: EachBatchPayload): Promise<void> {
    const topic = this.options.topics.get(payload.batch.topic);
    if (!topic) throw new Error(`Subscribed to ${payload.batch.topic} without its definition`);
    let run: Item[] = [];
    for (const message of payload.batch.messages) {
      if (!payload.isRunning() || payload.isStale()) return;
      const decoded = decodeMessage(topic, message.value);
      if (decoded.ok) {
        run.push({ message, envelope: decoded.envelope });
        continue;
      }
      // Order matters: the valid events before the poison one are handled (and their offsets
      // resolved) before the poison one is skipped past.
      if (!(await this.handleRun(payload, topic, run))) return;
      run = [];
      await this.deadLetter(payload, topic, message, 'poison', decoded.error, 0);
    }
    await this.handleRun(payload, topic, run);
  }

  /** Returns false when the consumer is stopping or lost the partition (nothing more may be resolved). */
  private async handleRun(
    payload: EachBatchPayload,
    topic: TopicDefinition,
    run: readonly Item[],
  ): Promise<boolean> {
    const last = run.at(-1);
    if (!last) return true;
    const { handleBatch } = this.options;
    if (handleBatch && run.length > 1) {
      try {
        await this.traced(payload, run, 1, () =>
          handleBatch(run.map((item) => this.consumed(payload, item, 1))),
        );
        payload.resolveOffset(last.message.offset);
        await payload.heartbeat();
        return true;
      } catch (error) {
        this.options.logger.warn(
          {
            topic: topic.name,
            partition: payload.batch.partition,
            events: run.length,
            err: errorText(error),
          },
          'batch handler failed; retrying its events one by one',
        );
      }
    }
    for (const item of run) {
      if (!(await this.handleWithRetries(payload, topic, item))) return false;
    }
    return true;
  }

  private async handleWithRetries(
    payload: EachBatchPayload,
    topic: TopicDefinition,
    item: Item,
  ): Promise<boolean> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.traced(payload, [item], attempt, () => this.callHandler(payload, item, attempt));
        payload.resolveOffset(item.message.offset);
        return true;
      } catch (error) {
        if (attempt >= this.options.maxAttempts) {
          await this.deadLetter(payload, topic, item.message, 'handler', error, attempt);
          return true;
        }
        const delayMs = backoffDelay(this.options.backoff, attempt);
        this.options.logger.warn(
          {
            topic: topic.name,
            partition: payload.batch.partition,
            offset: item.message.offset,
            eventId: item.envelope.id,
            attempt,
            delayMs,
            err: errorText(error),
          },
          'event handler failed; will retry',
        );
        if (!(await this.waitWithHeartbeats(payload, delayMs))) return false;
      }
    }
  }

  private callHandler(payload: EachBatchPayload, item: Item, attempt: number): Promise<void> {
    const event = this.consumed(payload, item, attempt);
    if (this.options.handle) return this.options.handle(event.envelope, event.context);
    if (this.options.handleBatch) return this.options.handleBatch([event]);
    throw new Error('no handler');
  }

  private consumed(payload: EachBatchPayload, item: Item, attempt: number): ConsumedEvent<TEnvelope> {
    const headers: Record<string, string> = {};
    for (const name of Object.keys(item.message.headers ?? {})) {
      const value = headerString(item.message.headers, name);
      if (value !== undefined) headers[name] = value;
    }
    return {
      // The envelope was validated against the topic's contracts; TEnvelope is the caller's
      // statement of which contracts those are (the catalogue's union by default).
      envelope: item.envelope as TEnvelope,
      context: {
        topic: payload.batch.topic,
        partition: payload.batch.partition,
        offset: item.message.offset,
        attempt,
        headers,
      },
    };
  }

  private async deadLetter(
    payload: EachBatchPayload,
    topic: TopicDefinition,
    message: KafkaMessage,
    kind: DeadLetterKind,
    error: unknown,
    attempts: number,
  ): Promise<void> {
    await this.options.producer.send({
      topic: topic.dlq,
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: deadLetterHeaders(message.headers, {
            kind,
            error,
            attempts,
            topic: topic.name,
            partition: payload.batch.partition,
            offset: message.offset,
            groupId: this.options.groupId,
            failedAt: new Date(),
          }),
        },
      ],
    });
    payload.resolveOffset(message.offset);
    this.options.logger.warn(
      {
        topic: topic.name,
        dlq: topic.dlq,
        partition: payload.batch.partition,
        offset: message.offset,
        kind,
        attempts,
        err: errorText(error),
      },
      'message dead-lettered',
    );
  }

  /**
   * One CONSUMER span per handler call, child of the producer's trace for a single event; for a
   * batch, a root span linked to each event's trace.
   */
  private async traced(
    payload: EachBatchPayload,
    items: readonly Item[],
    attempt: number,
    work: () => Promise<void>,
  ): Promise<void> {
    const parents = items.map((item) => extractTraceContext(item.message.headers, ROOT_CONTEXT));
    const parent: Context = parents.length === 1 && parents[0] ? parents[0] : context.active();
    const links: Link[] = parents.length > 1 ? parents.flatMap((ctx) => spanLink(ctx)) : [];
    await tracer.startActiveSpan(
      `${payload.batch.topic} process`,
      {
        kind: SpanKind.CONSUMER,
        links,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'process',
          'messaging.destination.name': payload.batch.topic,
          'messaging.destination.partition.id': String(payload.batch.partition),
          'messaging.consumer.group.name': this.options.groupId,
          'messaging.batch.message_count': items.length,
          'lianxin.attempt': attempt,
        },
      },
      parent,
      async (span) => {
        try {
          await work();
        } catch (error) {
          span.recordException(error instanceof Error ? error : new Error(String(error)));
          span.setStatus({ code: SpanStatusCode.ERROR, message: errorText(error) });
          throw error;
        } finally {
          span.end();
        }
      },
    );
  }

  private async waitWithHeartbeats(payload: EachBatchPayload, delayMs: number): Promise<boolean> {
    const until = Date.now() + delayMs;
    while (Date.now() < until) {
      if (!payload.isRunning() || payload.isStale()) return false;
      await sleep(Math.min(HEARTBEAT_SLICE_MS, until - Date.now()));
      await payload.heartbeat();
    }
    return payload.isRunning() && !payload.isStale();
  }
}

function spanLink(ctx: Context): Link[] {
  const spanContext = trace.getSpanContext(ctx);
  return spanContext ? [{ context: spanContext }] : [];
}
