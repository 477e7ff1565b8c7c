import { type Kafka, type KafkaMessage } from 'kafkajs';
import { randomUUID } from 'node:crypto';

/** Reads `topic` from the beginning until `count` messages arrived (or the timeout). */
export async function collectMessages(
  kafka: Kafka,
  topic: string,
  count: number,
  timeoutMs = 20_000,
): Promise<KafkaMessage[]> {
  const consumer = kafka.consumer({ groupId: `collect-${randomUUID()}`, maxWaitTimeInMs: 200 });
  const messages: KafkaMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    let done: () => void = () => undefined;
    const enough = new Promise<void>((resolve) => (done = resolve));
    await consumer.run({
      eachMessage: async ({ message }) => {
        messages.push(message);
        if (messages.length >= count) done();
      },
    });
    await Promise.race([enough, new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
    return messages;
  } finally {
    await consumer.disconnect();
  }
}
