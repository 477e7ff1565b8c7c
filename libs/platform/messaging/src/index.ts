// Kafka on the contracts: client factory, topic creation, consumer runner with retries and DLQ,
// trace propagation through headers. Publishing goes through the outbox (platform-persistence).
export { createIdempotentProducer, createKafka, type CreateKafkaOptions } from './kafka/create-kafka';
export { ensureTopics, topicConfigs } from './kafka/ensure-topics';
export { startConsumer } from './consumer/start-consumer';
export {
  type ConsumedEvent,
  type ConsumerLogger,
  type MessageContext,
  type RunningConsumer,
  type StartConsumerOptions,
} from './consumer/consumer-options';
export { decodeMessage, type DecodeResult } from './consumer/decode-message';
export {
  deadLetterHeaders,
  DLQ_HEADERS,
  errorText,
  type DeadLetterInfo,
  type DeadLetterKind,
} from './consumer/dlq-headers';
export { backoffDelay, sleep, type BackoffPolicy } from './retry/backoff';
export {
  extractTraceContext,
  headerString,
  injectTraceContext,
  type KafkaHeaders,
  type KafkaHeaderValue,
} from './trace/trace-context';
