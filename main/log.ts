/** The process-wide structured logger (JSON lines on stderr; level from TAVLA_LOG, default info). */
import { pino } from 'pino';

export const logger = pino({ level: process.env.TAVLA_LOG ?? 'info' }, pino.destination(2));
