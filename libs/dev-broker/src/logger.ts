/**
 * The broker logs through this small interface so callers can pass pino, console, or a test
 * collector. The default writes one line per event to stderr at `info` and above.
 */
export interface BrokerLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export function createConsoleLogger(level: LogLevel = 'info'): BrokerLogger {
  const at = (l: Exclude<LogLevel, 'silent'>) => (message: string) => {
    if (RANK[l] >= RANK[level])
      process.stderr.write(`${new Date().toISOString()} ${l.toUpperCase()} ${message}\n`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
