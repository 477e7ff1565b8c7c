import { Kafka, logLevel as KafkaLogLevel, Partitioners, type Producer } from 'kafkajs';

export interface CreateKafkaOptions {
  /** `KAFKA_BROKERS` from config: `['host:port', …]`. */
  brokers: readonly string[];
  /** `KAFKA_CLIENT_ID` from config; shows up in broker logs and quotas. */
  clientId: string;
  /** kafkajs' own logging. Default 'warn' (its info level narrates every rebalance). */
  logLevel?: 'nothing' | 'error' | 'warn' | 'info' | 'debug';
}

const LEVELS = {
  nothing: KafkaLogLevel.NOTHING,
  error: KafkaLogLevel.ERROR,
  warn: KafkaLogLevel.WARN,
  info: KafkaLogLevel.INFO,
  debug: KafkaLogLevel.DEBUG,
} as const;

export function createKafka(options: CreateKafkaOptions): Kafka {
  return new Kafka({
    brokers: [...options.brokers],
    clientId: options.clientId,
    logLevel: LEVELS[options.logLevel ?? 'warn'],
    // Fail a connection attempt quickly and let the callers' backoff decide when to try again.
    connectionTimeout: 3000,
    retry: { initialRetryTime: 200, maxRetryTime: 5000, retries: 5 },
  });
}

/**
 * The producer for the outbox relay and the DLQ: idempotent (the broker drops a retried batch it
 * already has, so kafkajs' own retries never duplicate or reorder), which requires acks=all and
 * one request in flight. Connected on return.
 */
export async function createIdempotentProducer(kafka: Kafka): Promise<Producer> {
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    // Java-compatible murmur2, so other clients (analytics) place keys on the same partitions.
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  return producer;
}
