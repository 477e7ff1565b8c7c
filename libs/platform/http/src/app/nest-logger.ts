import type { LoggerService } from '@nestjs/common';
import type { Logger } from '@lianxin/platform-telemetry';

/** Sends Nest's own log lines (bootstrap, route mapping) through pino as JSON. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.logger.debug({ nestContext: contextOf(rest) }, stringOf(message));
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.logger.error({ nestContext: contextOf(rest) }, stringOf(message));
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.logger.warn({ nestContext: contextOf(rest) }, stringOf(message));
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.logger.debug({ nestContext: contextOf(rest) }, stringOf(message));
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.logger.trace({ nestContext: contextOf(rest) }, stringOf(message));
  }
}

function stringOf(message: unknown): string {
  return typeof message === 'string' ? message : JSON.stringify(message);
}

function contextOf(rest: unknown[]): string | undefined {
  const last = rest[rest.length - 1];
  return typeof last === 'string' ? last : undefined;
}
