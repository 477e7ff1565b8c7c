import { parseArgs } from 'node:util';
import { startBroker } from './broker';
import { type BrokerOptions } from './broker-options';
import { type LogLevel } from './logger';

/**
 * `npm run broker -- --port 9092 --data .lianxin/kafka [...]`: runs the broker until SIGINT/SIGTERM.
 * Prints one JSON line `{"event":"listening",...}` on stdout once ready, so parent processes
 * (tests, `npm start`) can read the port when they asked for --port 0.
 */
const USAGE = `usage: broker --data DIR [--port 9092] [--host 127.0.0.1] [--advertised-host H]
  [--auto-create-topics true|false] [--default-partitions 1] [--max-frame-bytes N] [--max-batch-bytes N]
  [--fsync batch|<intervalMs>] [--segment-bytes N] [--retention-ms N] [--retention-bytes N]
  [--retention-check-interval-ms N] [--group-initial-rebalance-delay-ms N]
  [--group-min-session-timeout-ms N] [--group-max-session-timeout-ms N] [--log-level debug|info|warn|error|silent]`;

function num(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`--${name} must be a number, got '${value}'`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'advertised-host': { type: 'string' },
      'auto-create-topics': { type: 'string' },
      'default-partitions': { type: 'string' },
      'max-frame-bytes': { type: 'string' },
      'max-batch-bytes': { type: 'string' },
      fsync: { type: 'string' },
      'segment-bytes': { type: 'string' },
      'retention-ms': { type: 'string' },
      'retention-bytes': { type: 'string' },
      'retention-check-interval-ms': { type: 'string' },
      'group-initial-rebalance-delay-ms': { type: 'string' },
      'group-min-session-timeout-ms': { type: 'string' },
      'group-max-session-timeout-ms': { type: 'string' },
      'log-level': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help === true || values.data === undefined) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(values.help === true ? 0 : 2);
  }
  const fsyncArg = values.fsync;
  const options: BrokerOptions = {
    dataDir: values.data,
    port: num(values.port, 'port'),
    host: values.host,
    advertisedHost: values['advertised-host'],
    autoCreateTopics:
      values['auto-create-topics'] === undefined ? undefined : values['auto-create-topics'] !== 'false',
    defaultPartitions: num(values['default-partitions'], 'default-partitions'),
    maxFrameBytes: num(values['max-frame-bytes'], 'max-frame-bytes'),
    maxBatchBytes: num(values['max-batch-bytes'], 'max-batch-bytes'),
    fsync:
      fsyncArg === undefined
        ? undefined
        : fsyncArg === 'batch'
          ? 'batch'
          : { intervalMs: num(fsyncArg, 'fsync') ?? 1000 },
    segmentBytes: num(values['segment-bytes'], 'segment-bytes'),
    retentionMs: num(values['retention-ms'], 'retention-ms'),
    retentionBytes: num(values['retention-bytes'], 'retention-bytes'),
    retentionCheckIntervalMs: num(values['retention-check-interval-ms'], 'retention-check-interval-ms'),
    groupInitialRebalanceDelayMs: num(
      values['group-initial-rebalance-delay-ms'],
      'group-initial-rebalance-delay-ms',
    ),
    groupMinSessionTimeoutMs: num(values['group-min-session-timeout-ms'], 'group-min-session-timeout-ms'),
    groupMaxSessionTimeoutMs: num(values['group-max-session-timeout-ms'], 'group-max-session-timeout-ms'),
    logLevel: values['log-level'] as LogLevel | undefined,
  };
  const broker = await startBroker(options);
  process.stdout.write(
    `${JSON.stringify({ event: 'listening', host: broker.host, port: broker.port, brokers: broker.brokers, pid: process.pid })}\n`,
  );
  const shutdown = () => {
    void broker.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  process.stderr.write(`dev-broker: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
