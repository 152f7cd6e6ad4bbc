import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';
import { LogLevel } from '../config/app-config';

export function createRootLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: 'sightline' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
}

/** Nest's logger interface on top of pino, so framework and app lines share one JSON format. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  private write(
    level: 'info' | 'error' | 'warn' | 'debug' | 'trace',
    message: unknown,
    context?: string,
    extra?: unknown,
  ): void {
    if (typeof message === 'object' && message !== null) {
      this.logger[level]({
        context,
        ...(message as object),
        ...(extra && typeof extra === 'object' ? extra : {}),
      });
    } else {
      this.logger[level](
        { context, ...(typeof extra === 'string' ? { stack: extra } : {}) },
        String(message),
      );
    }
  }

  log(message: unknown, context?: string): void {
    this.write('info', message, context);
  }
  error(message: unknown, stackOrContext?: string, context?: string): void {
    if (context) this.write('error', message, context, stackOrContext);
    else this.write('error', message, stackOrContext);
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.write('trace', message, context);
  }
}
