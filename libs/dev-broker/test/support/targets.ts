import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { type RunningBroker } from '../../src';
import { kafkaFor, startTestBroker } from './broker-fixture';

/** Whether kcat (librdkafka) is on PATH; the kcat and mock-cluster suites skip without it. */
export function kcatAvailable(): boolean {
  return spawnSync('kcat', ['-V'], { stdio: 'ignore' }).status === 0;
}

/**
 * A Kafka endpoint the shared kafkajs scenarios run against: this dev broker, or librdkafka's
 * in-process mock cluster kept alive by a `kcat -X test.mock.num.brokers=1` process. Running the
 * same assertions against both shows they describe Kafka's behaviour, not this broker's quirks.
 */
export interface ScenarioTarget {
  readonly name: string;
  readonly brokers: string;
  /** Make a topic with `SCENARIO_PARTITIONS` partitions. */
  createTopic(topic: string): Promise<void>;
  /** Restart on the same data (dev broker only); returns the new bootstrap address. */
  restart?(): Promise<string>;
  stop(): Promise<void>;
}

/** The mock cluster auto-creates topics with 4 partitions; the dev broker creates them explicitly. */
export const SCENARIO_PARTITIONS = 4;

export async function devBrokerTarget(): Promise<ScenarioTarget> {
  let broker: RunningBroker = await startTestBroker();
  const dataDir = broker.dataDir;
  const target: ScenarioTarget = {
    name: 'dev broker',
    get brokers() {
      return broker.brokers;
    },
    async createTopic(topic) {
      const admin = kafkaFor(broker.brokers).admin();
      await admin.connect();
      await admin.createTopics({ topics: [{ topic, numPartitions: SCENARIO_PARTITIONS }] });
      await admin.disconnect();
    },
    async restart() {
      await broker.stop();
      broker = await startTestBroker({ dataDir });
      return broker.brokers;
    },
    stop: () => broker.stop(),
  };
  return target;
}

export async function mockClusterTarget(): Promise<ScenarioTarget> {
  // A consumer on a dummy topic keeps kcat (and with it the mock cluster) running.
  const child: ChildProcessWithoutNullStreams = spawn(
    'kcat',
    ['-X', 'test.mock.num.brokers=1', '-b', '127.0.0.1:1', '-C', '-t', 'mock-keepalive', '-q'],
    {
      stdio: 'pipe',
    },
  );
  const brokers = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`mock cluster did not start: ${seen}`)), 10_000);
    child.stderr.on('data', (d: Buffer) => {
      seen += d.toString();
      const match = /replaced with (\S+)/.exec(seen);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`kcat exited with ${code}: ${seen}`)));
  });
  child.stderr.removeAllListeners('data');
  child.stderr.resume();
  return {
    name: 'librdkafka mock cluster',
    brokers,
    async createTopic(topic) {
      // No CreateTopics on the mock's controller: Metadata auto-creates with 4 partitions.
      const admin = kafkaFor(brokers).admin();
      await admin.connect();
      await admin.fetchTopicMetadata({ topics: [topic] });
      await admin.disconnect();
    },
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
  };
}
