import { scrubText } from '../sanitize/text';

/**
 * An unexpected error as it may be logged. Driver errors quote the offending value ("invalid input
 * syntax for type uuid: \"<whatever the client sent>\""), so for them only the class and SQLSTATE
 * are kept; other messages are PII-masked and cut short. The stack keeps its frames but not its
 * first line, which repeats the message.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  const fromDriver = error.name === 'QueryFailedError' || 'driverError' in error;
  return {
    type: error.name,
    ...(typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code) ? { code } : {}),
    message: fromDriver ? 'database query failed' : scrubText(error.message).slice(0, 300),
    stack: (error.stack ?? '')
      .split('\n')
      .filter((line) => /^\s+at /.test(line))
      .slice(0, 12)
      .join('\n'),
  };
}
