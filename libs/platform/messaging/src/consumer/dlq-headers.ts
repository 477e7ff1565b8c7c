import { type IHeaders } from 'kafkajs';

/** Header names a dead letter carries besides the original message's own headers. */
export const DLQ_HEADERS = {
  error: 'dlq-error',
  errorKind: 'dlq-error-kind',
  attempts: 'dlq-attempts',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  consumerGroup: 'dlq-consumer-group',
  failedAt: 'dlq-failed-at',
} as const;

/** `poison`: could not be decoded or validated (never retried); `handler`: failed every attempt. */
export type DeadLetterKind = 'poison' | 'handler';

export interface DeadLetterInfo {
  kind: DeadLetterKind;
  error: unknown;
  attempts: number;
  topic: string;
  partition: number;
  offset: string;
  groupId: string;
  failedAt: Date;
}

const MAX_ERROR_LENGTH = 2000;

export function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

/** The original headers (trace context and event metadata stay useful for replay) plus the failure. */
export function deadLetterHeaders(original: IHeaders | undefined, info: DeadLetterInfo): IHeaders {
  return {
    ...(original ?? {}),
    [DLQ_HEADERS.error]: errorText(info.error),
    [DLQ_HEADERS.errorKind]: info.kind,
    [DLQ_HEADERS.attempts]: String(info.attempts),
    [DLQ_HEADERS.originalTopic]: info.topic,
    [DLQ_HEADERS.originalPartition]: String(info.partition),
    [DLQ_HEADERS.originalOffset]: info.offset,
    [DLQ_HEADERS.consumerGroup]: info.groupId,
    [DLQ_HEADERS.failedAt]: info.failedAt.toISOString(),
  };
}
