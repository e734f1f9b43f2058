// pino, configured like redis-server's log: stdout when logfile is empty, the file
// otherwise; pretty on a terminal, JSON lines elsewhere. Redis's loglevels map onto pino's.

import { createRequire } from 'node:module';
import pino, { type Logger } from 'pino';
import type PinoPretty from 'pino-pretty';

/** pino-pretty (and the lodash it brings) loads only for a terminal: ~40 ms of startup otherwise. */
function loadPretty(): typeof PinoPretty {
  return createRequire(import.meta.url)('pino-pretty') as typeof PinoPretty;
}

const LEVELS: Record<string, string> = {
  debug: 'debug', verbose: 'debug', notice: 'info', warning: 'warn', nothing: 'silent',
};

export function createLogger(logfile: string, loglevel: string): Logger {
  const level = LEVELS[loglevel] ?? 'info';
  const base = { pid: process.pid };
  if (logfile !== '') {
    return pino({ level, base }, pino.destination({ dest: logfile, append: true, sync: true }));
  }
  if (process.stdout.isTTY) {
    return pino({ level, base }, loadPretty()({ colorize: true, sync: true, ignore: 'hostname' }));
  }
  return pino({ level, base }, pino.destination({ dest: 1, sync: true }));
}

export function setLogLevel(logger: Logger, loglevel: string): void {
  logger.level = LEVELS[loglevel] ?? 'info';
}
