import { Writable } from 'node:stream';
import { createLogger, type Logger } from '@lianxin/platform-telemetry';

/** A logger whose JSON lines can be read back (test support, not exported). */
export function captureLogs(name: string): {
  logger: Logger;
  lines: () => Record<string, unknown>[];
  text: () => string;
} {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  const text = (): string => chunks.join('');
  return {
    logger: createLogger(name, { destination, level: 'debug' }),
    text,
    lines: () =>
      text()
        .split('\n')
        .filter((line) => line.length > 0)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
