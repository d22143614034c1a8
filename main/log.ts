/** The process-wide structured logger (JSON lines on stderr, or into a file; level from TAVLA_LOG, default info). */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { pino } from 'pino';
import { PinoPretty } from 'pino-pretty';

interface LogSink {
  write(line: string): void;
}

// Modules take `logger` at import time; the destination behind it can still change, before a role starts.
let sink: LogSink = pino.destination(2);

/** With pino's metadata flag set, pino tells the stream each line's level before writing it. */
const forward = {
  [Symbol.for('pino.metadata')]: true,
  lastLevel: 0,
  write(line: string): void {
    sink.write(line);
  },
};

export const logger = pino({ level: process.env.TAVLA_LOG ?? 'info' }, forward);

const WARN = 40;

/**
 * Sends every log line from now on into `file` (appended, its folder made) instead of stderr, so a
 * terminal stays readable; with `terminal`, warnings and errors are also shown there, pretty-printed.
 */
export function logToFile(file: string, options: { terminal?: boolean } = {}): void {
  mkdirSync(dirname(file), { recursive: true });
  const lines = pino.destination({ dest: file, append: true, sync: true });
  if (!options.terminal) {
    sink = lines;
    return;
  }
  const pretty = PinoPretty({ destination: 1, sync: true, colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' });
  sink = {
    write(line) {
      lines.write(line);
      if (forward.lastLevel >= WARN) pretty.write(line);
    },
  };
}
