/**
 * Structured logs: one JSON line per event on stdout (pino), with `level`, `time`, and the ids of what it is
 * about (`reqId`, `userId`, `runId`, `runner`) as fields. Never logged: request bodies, cookies, CSRF tokens,
 * passwords, file contents. Free text that may carry user data (error messages of a parser fed an upload) is
 * cut to `MAX_TEXT` characters with `cut()`.
 */
import { pino } from 'pino';
import type { LogLevel } from '../config.ts';

export type Logger = pino.Logger;

/** Longest free text kept in one log field (an upload once ended up whole in a 524 MB log line). */
export const MAX_TEXT = 2_000;

/** Header and field names whose values never reach the log, wherever they appear. */
const REDACT = [
  'password',
  'newPassword',
  'currentPassword',
  'cookie',
  'csrfToken',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.cookie',
  '*.csrfToken',
  'headers.cookie',
  'headers.authorization',
  'headers["x-csrf-token"]',
  'headers["set-cookie"]',
];

export function createLogger(level: LogLevel = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'customs-analysis-studio' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/** `text` cut to `max` characters (with how much was left out), for messages that may quote user data. */
export function cut(text: string, max = MAX_TEXT): string {
  return text.length <= max ? text : `${text.slice(0, max)}… [${text.length - max} more characters cut]`;
}

/** An error as log fields: its message cut, its stack kept to the first frames (no data in frames). */
export function errorFields(e: unknown): { err: { type: string; message: string; stack?: string } } {
  if (!(e instanceof Error)) return { err: { type: typeof e, message: cut(String(e)) } };
  const frames = e.stack
    ?.split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 12)
    .join('\n');
  return { err: { type: e.name, message: cut(e.message), ...(frames ? { stack: frames } : {}) } };
}

/**
 * The `(message) => void` shape the runner, executor and hooks take, backed by a logger: messages are cut,
 * and an optional second argument adds fields (`{ runId }`) to the line.
 */
export function logFunction(logger: Logger, level: 'error' | 'warn' | 'info' = 'error') {
  return (message: string, fields: Record<string, unknown> = {}) => {
    // The runner and its hooks name the run in their text ("run <uuid> …"): made a field for searching.
    const runId = /\brun ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/.exec(message)?.[1];
    logger[level]({ ...(runId ? { runId } : {}), ...fields }, cut(message));
  };
}
