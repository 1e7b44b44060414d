import winston from 'winston';
import { redactValue } from './redact';

/** The logger type used across the server; child loggers carry org, correlation id, proposal id and tx id. */
export type Logger = winston.Logger;

// Winston keeps level and message under string keys and its own metadata under symbols; only the
// string-keyed fields come from our code, so only those are scrubbed (symbols are copied as they are).
const redaction = winston.format((info) => {
  const scrubbed = redactValue({ ...info }) as Record<string, unknown>;
  for (const key of Object.keys(info)) {
    (info as Record<string, unknown>)[key] = scrubbed[key];
  }
  return info;
});

// JSON.stringify turns an Error into {} (its fields are not enumerable); `{ err }` metadata would be lost.
const expandErrors = winston.format((info) => {
  const fields = info as Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) {
    if (value instanceof Error) {
      fields[key] = { name: value.name, message: value.message, stack: value.stack };
    }
  }
  return info;
});

/** The format every transport must use: errors expanded, secrets scrubbed, then JSON. */
export function logFormat(): winston.Logform.Format {
  return winston.format.combine(winston.format.errors({ stack: true }), expandErrors(), redaction(), winston.format.timestamp(), winston.format.json());
}

/**
 * Creates the root JSON logger.
 * @param level - minimum level (`error`, `warn`, `info`, `debug`).
 * @param transports - defaults to stdout; tests pass a capturing stream.
 */
export function createLogger(level: string, transports?: winston.transport[]): Logger {
  return winston.createLogger({
    level,
    format: logFormat(),
    transports: transports ?? [new winston.transports.Console()],
  });
}
