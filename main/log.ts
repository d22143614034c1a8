/** The process-wide structured logger (JSON lines on stderr, or into a file; level from TAVLA_LOG, default info). */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { pino } from 'pino';

interface LogSink {
  write(line: string): void;
}

// Modules take `logger` at import time; the destination behind it can still change once, before a role starts.
let sink: LogSink = pino.destination(2);

export const logger = pino({ level: process.env.TAVLA_LOG ?? 'info' }, { write: (line: string) => sink.write(line) });

/** Sends every log line from now on into `file` (appended, its folder made), not to stderr: the demo's terminal stays readable. */
export function logToFile(file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  sink = pino.destination({ dest: file, append: true, sync: true });
}
