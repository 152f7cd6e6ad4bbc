import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';
import { LogLevel } from '../config/app-config';
import { requestScope } from './request-scope';
import { activeSpanContext } from '../common/tracing/tracing';

/**
 * Correlation fields for the line being written: the request from the request scope, the trace
 * and span from the active OpenTelemetry span, or from the request when no SDK is installed.
 */
export function correlationFields(): Record<string, string> {
  const fields: Record<string, string> = {};
  const scope = requestScope.getStore();
  if (scope) fields.request_id = scope.requestId;
  const sc = activeSpanContext();
  if (sc) {
    fields.trace_id = sc.traceId;
    fields.span_id = sc.spanId;
  } else if (scope?.traceId) {
    fields.trace_id = scope.traceId;
    if (scope.spanId) fields.span_id = scope.spanId;
  }
  return fields;
}

export function createRootLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'sightline' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: correlationFields,
    },
    destination,
  );
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
