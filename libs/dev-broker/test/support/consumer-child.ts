/**
 * A kafkajs group member in its own process, so a test can kill it with SIGKILL (no LeaveGroup,
 * no commit). Prints one JSON line per event on stdout: {"assigned":[...]} and {"value":...}.
 * argv: brokers topic groupId
 */
import { Kafka, logLevel } from 'kafkajs';

async function main(): Promise<void> {
  const [brokers, topic, groupId] = process.argv.slice(2);
  if (brokers === undefined || topic === undefined || groupId === undefined)
    throw new Error('usage: brokers topic groupId');
  const kafka = new Kafka({ brokers: [brokers], clientId: 'child', logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({
    groupId,
    sessionTimeout: 6000,
    heartbeatInterval: 500,
    maxWaitTimeInMs: 100,
    rebalanceTimeout: 10_000,
  });
  consumer.on(consumer.events.GROUP_JOIN, (e) => {
    process.stdout.write(`${JSON.stringify({ assigned: e.payload.memberAssignment[topic] ?? [] })}\n`);
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      process.stdout.write(`${JSON.stringify({ value: String(message.value) })}\n`);
    },
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
