import winston from 'winston';
import { createLogger, type Logger } from '../../src/observability/logger';

/** A logger that drops everything, for tests that do not look at logs. */
export function silentLogger(): Logger {
  return createLogger('error', [new winston.transports.Console({ silent: true })]);
}
