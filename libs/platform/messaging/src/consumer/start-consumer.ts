import { type Envelope, type KnownEnvelope, type TopicDefinition } from '@lianxin/contracts';
import { type Consumer, type EachBatchPayload, type Producer } from 'kafkajs';
import { createIdempotentProducer } from '../kafka/create-kafka';
import { type BackoffPolicy } from '../retry/backoff';
import { type ConsumerLogger, type RunningConsumer, type StartConsumerOptions } from './consumer-options';
import { BatchProcessor } from './batch-processor';

const defaultLogger: ConsumerLogger = {
  warn: (fields, message) =>
    process.stderr.write(`${JSON.stringify({ level: 'warn', msg: message, ...fields })}\n`),
};

export function backoffPolicyOf(backoffMs: number | BackoffPolicy | undefined): BackoffPolicy {
  if (typeof backoffMs === 'object') return backoffMs;
  return { initialMs: backoffMs ?? 200, maxMs: 30_000 };
}

/**
 * Consumes `topics` as `groupId`: decodes and validates each message (undecodable or invalid →
 * dead letter at once), runs the handler with retries and backoff, dead-letters an event that
 * failed `maxAttempts` times, and commits an offset only after its handler resolved. Handlers
 * run inside the trace context carried in the message's `traceparent`.
 */
export async function startConsumer<TEnvelope extends Envelope<unknown> = KnownEnvelope>(
  options: StartConsumerOptions<TEnvelope>,
): Promise<RunningConsumer> {
  if ((options.handle === undefined) === (options.handleBatch === undefined)) {
    throw new Error('startConsumer: give exactly one of handle and handleBatch');
  }
  const topics = new Map<string, TopicDefinition>(options.topics.map((topic) => [topic.name, topic]));
  const ownsProducer = options.dlqProducer === undefined;
  const producer: Producer = options.dlqProducer ?? (await createIdempotentProducer(options.kafka));
  // A short fetch wait: an idle long-poll is what stop() has to wait out, and fetches return as
  // soon as data arrives anyway.
  const consumer: Consumer = options.kafka.consumer({ groupId: options.groupId, maxWaitTimeInMs: 1000 });
  const processor = new BatchProcessor<TEnvelope>({
    groupId: options.groupId,
    topics,
    handle: options.handle,
    handleBatch: options.handleBatch,
    maxAttempts: Math.max(1, options.maxAttempts ?? 5),
    backoff: backoffPolicyOf(options.backoffMs),
    producer,
    logger: options.logger ?? defaultLogger,
  });
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [...topics.keys()], fromBeginning: options.fromBeginning ?? true });
    await consumer.run({
      // Offsets are resolved by the processor only after a handler resolved (or the message was
      // dead-lettered); kafkajs then commits the resolved ones after each batch.
      eachBatchAutoResolve: false,
      autoCommit: true,
      partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 1,
      eachBatch: (payload: EachBatchPayload) => processor.process(payload),
    });
  } catch (error) {
    await consumer.disconnect().catch(() => undefined);
    if (ownsProducer) await producer.disconnect().catch(() => undefined);
    throw error;
  }
  return {
    stop: async () => {
      await consumer.disconnect();
      if (ownsProducer) await producer.disconnect();
    },
  };
}
