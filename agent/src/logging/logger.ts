import winston from 'winston';

export type Logger = winston.Logger;

/** Field names whose values never reach a log line, whatever a caller passes. */
const SECRET_FIELD = /(private.?key|secret|token|password|authorization|credentials)/i;

const redact = winston.format((info) => {
  for (const key of Object.keys(info)) {
    if (SECRET_FIELD.test(key)) info[key] = '[redacted]';
  }
  return info;
});

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  level: string;
  /** Bound to every line, so that the lines of several orgs' agents can be told apart. */
  mspId: string;
  /** Where lines go; the console (stdout) when absent. */
  transports?: winston.transport[];
}

/** The agent's structured logger: one JSON object per line, with a timestamp and the org. */
export function createLogger(options: LoggerOptions): Logger {
  return winston.createLogger({
    level: options.level,
    format: winston.format.combine(redact(), winston.format.timestamp(), winston.format.json()),
    defaultMeta: { service: 'opssc-agent', org: options.mspId },
    transports: options.transports ?? [new winston.transports.Console()],
  });
}
