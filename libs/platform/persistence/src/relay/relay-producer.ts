/**
 * What the relay needs from a Kafka producer. A kafkajs `Producer` from
 * `createIdempotentProducer` (platform-messaging) fits as is; tests can pass a fake.
 */
export interface RelayProducer {
  sendBatch(batch: {
    acks?: number;
    topicMessages: {
      topic: string;
      messages: { key: string | null; value: string; headers: Record<string, string> }[];
    }[];
  }): Promise<unknown>;
}

/** Minimal pino-compatible logger. */
export interface RelayLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export const consoleRelayLogger: RelayLogger = {
  info: () => undefined,
  warn: (fields, message) =>
    process.stderr.write(`${JSON.stringify({ level: 'warn', msg: message, ...fields })}\n`),
};
