/**
 * The requests a host refused before reading them (a foreign Host or Origin, a form's content
 * type, a broken path): counted for `/healthz`, and logged at most once a minute so a page that
 * keeps trying cannot flood the log.
 */

import type { IncomingMessage } from 'node:http';
import { logger } from '../log.js';

const LOG_EVERY_MS = 60_000;

/** One host's count of refused requests. */
export class RefusedRequests {
  count = 0;
  private unlogged = 0;
  private lastLogged = -Infinity;

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts a refusal; logs it, with those not logged since, unless one was logged this minute. */
  note(req: IncomingMessage, status: number, reason: string): void {
    this.count += 1;
    this.unlogged += 1;
    if (this.now() - this.lastLogged < LOG_EVERY_MS) return;
    const header = (name: string) => String(req.headers[name] ?? '').slice(0, 120);
    logger.warn(
      { status, reason, host: header('host'), origin: header('origin'), path: String(req.url ?? '').slice(0, 120), refused: this.unlogged, total: this.count },
      'request refused before it was read',
    );
    this.unlogged = 0;
    this.lastLogged = this.now();
  }
}
