// Kafka on the contracts: client factory, topic creation, consumer runner with retries and DLQ,
// trace propagation through headers. Publishing goes through the outbox (platform-persistence).
export { backoffDelay, sleep, type BackoffPolicy } from './retry/backoff';
export { extractTraceContext, headerString, injectTraceContext, type KafkaHeaders, type KafkaHeaderValue } from './trace/trace-context';
