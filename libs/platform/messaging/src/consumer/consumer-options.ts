import { type Envelope, type TopicDefinition } from '@lianxin/contracts';
import { type Kafka, type Producer } from 'kafkajs';
import { type BackoffPolicy } from '../retry/backoff';

/** Where a message came from and which attempt this is. */
export interface MessageContext {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  /** 1 on the first delivery to the handler, then 2, 3… up to maxAttempts. */
  readonly attempt: number;
  readonly headers: Readonly<Record<string, string>>;
}

export interface ConsumedEvent<TEnvelope> {
  readonly envelope: TEnvelope;
  readonly context: MessageContext;
}

export interface ConsumerLogger {
  warn(fields: object, message: string): void;
}

export interface StartConsumerOptions<TEnvelope extends Envelope<unknown>> {
  kafka: Kafka;
  groupId: string;
  /** Topics to consume; each message is validated against its topic's event contracts. */
  topics: readonly TopicDefinition[];
  /**
   * One event per call; run your transaction (with handleOnce) inside and resolve after it
   * committed. Give exactly one of `handle` and `handleBatch`.
   */
  handle?: (envelope: TEnvelope, context: MessageContext) => Promise<void>;
  /**
   * Consecutive valid events of one partition, in order (one transaction for all, one inbox row
   * each). When a batch fails, the runner retries its events one by one (single-element calls),
   * so one bad event is isolated and dead-lettered without holding back the others.
   */
  handleBatch?: (events: readonly ConsumedEvent<TEnvelope>[]) => Promise<void>;
  /** Handler attempts per event before it is dead-lettered. Default 5. */
  maxAttempts?: number;
  /** Delay before the first retry (doubling, capped at 30 s), or a full policy. Default 200 ms. */
  backoffMs?: number | BackoffPolicy;
  /** Where a new group starts. Default true: a new projection must see the events written before it. */
  fromBeginning?: boolean;
  /** Default 1. Ordering holds per partition either way. */
  partitionsConsumedConcurrently?: number;
  /** Producer for dead letters; default: an idempotent producer the runner owns. */
  dlqProducer?: Producer;
  logger?: ConsumerLogger;
}

export interface RunningConsumer {
  /** Finishes the batch in flight, commits what was handled, leaves the group. */
  stop(): Promise<void>;
}
