/**
 * The hub's aggregate sink (`--warehouse postgres://…`, docs/leader.md "The warehouse"): every round
 * it keeps the hour's capacity reading locally, then writes what PostgreSQL lacks — waiting hour
 * readings and the whole days since the last one written. A warehouse away is retried with the
 * shared backoff; the hub neither waits for it nor fails because of it.
 */

import { Pool } from 'pg';
import { backoffDelay, type BackoffSchedule } from '../../shared/time/backoff.js';
import { addDays, osloDay } from '../../shared/time/oslo.js';
import { leaderHistory } from '../leader/leader-history.js';
import { logger } from '../log.js';
import type { Db } from '../store/database.js';
import { keepHourRows, markDayWritten, markHourRowsWritten, pendingHours, unwrittenHourRows, writtenDay } from './warehouse-marks.js';
import { ensureSchema, upsertDayRows, upsertHourRows, upsertUnits } from './warehouse-postgres.js';
import { capacityHourRows, unitDayRows, type DayRow } from './warehouse-rows.js';

export const DEFAULT_WAREHOUSE_PERIOD_MS = 5 * 60_000;
/** Days written on the first write ever, and days rewritten each time (figures of late data move). */
export const BACKFILL_DAYS = 30;
export const REWRITE_DAYS = 7;
/** The longest catch-up after an outage: older days stay as they were. */
const MAX_CATCH_UP_DAYS = 400;
/** Hour readings per round: a long outage drains over a few rounds. */
const HOURS_PER_ROUND = 50_000;
/** The first round waits this long, so the hub's start is not spent on the warehouse. */
const FIRST_ROUND_MS = 2_000;
const RETRY: BackoffSchedule = { baseMs: 5_000, capMs: 10 * 60_000 };

export interface WarehouseStatus {
  /** `connecting` until the first write, `up` after a write, `down` after a failure until the next one succeeds. */
  state: 'connecting' | 'up' | 'down';
  lastWrittenAt: string | null;
  /** The last whole day the warehouse has. */
  writtenDay: string | null;
  /** Hours of capacity readings the warehouse does not have yet. */
  pendingHours: number;
  /** Rows inserted or changed since the hub started. */
  rowsWritten: number;
  failures: number;
  lastError: string | null;
  nextTryAt: string | null;
}

export interface WarehouseOptions {
  url: string;
  db: Db;
  municipality: string;
  periodMs?: number;
  /** Rewrite the last REWRITE_DAYS days at most this often (default: every hour). */
  dayRefreshMs?: number;
  now?: () => Date;
  retry?: BackoffSchedule;
  /** How long a connection or a statement may take before the round counts as failed. */
  timeoutMs?: number;
}

export class WarehouseSink {
  private readonly pool: Pool;
  private readonly now: () => Date;
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | undefined;
  private schemaReady = false;
  private stopped = false;
  private lastDayWrite = 0;
  private nextTry = 0;
  private readonly state: Omit<WarehouseStatus, 'writtenDay' | 'pendingHours' | 'nextTryAt'> = {
    state: 'connecting',
    lastWrittenAt: null,
    rowsWritten: 0,
    failures: 0,
    lastError: null,
  };

  constructor(private readonly options: WarehouseOptions) {
    const timeout = options.timeoutMs ?? 10_000;
    this.now = options.now ?? (() => new Date());
    this.pool = new Pool({ connectionString: options.url, max: 1, connectionTimeoutMillis: timeout, query_timeout: timeout, idleTimeoutMillis: 30_000 });
    // A connection lost while idle: the next round connects again.
    this.pool.on('error', (error) => logger.debug({ err: error }, 'warehouse connection lost'));
  }

  /** Runs a round soon after the hub started (not during its start), then every period, each after the last one ended. */
  start(): void {
    const period = this.options.periodMs ?? DEFAULT_WAREHOUSE_PERIOD_MS;
    const after = (delay: number) => {
      if (this.stopped) return;
      this.timer = setTimeout(() => void this.runRound().finally(() => after(period)), delay);
      this.timer.unref();
    };
    after(Math.min(period, FIRST_ROUND_MS));
  }

  status(): WarehouseStatus {
    const { db } = this.options;
    return {
      ...this.state,
      writtenDay: writtenDay(db),
      pendingHours: pendingHours(db),
      nextTryAt: this.state.state === 'down' ? new Date(this.nextTry).toISOString() : null,
    };
  }

  /** One round (rounds never overlap): keep the hour's reading, then write when not waiting out a failure. */
  runRound(): Promise<void> {
    this.round ??= this.roundOnce().finally(() => (this.round = undefined));
    return this.round;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.round;
    await this.pool.end();
  }

  private async roundOnce(): Promise<void> {
    const now = this.now();
    const { db } = this.options;
    try {
      keepHourRows(db, capacityHourRows(db, leaderHistory(db), now));
    } catch (error) {
      logger.error({ err: error }, 'warehouse: capacity reading failed');
    }
    if (this.state.state === 'down' && now.getTime() < this.nextTry) return;
    try {
      await this.write(now);
      Object.assign(this.state, { state: 'up', lastWrittenAt: now.toISOString(), failures: 0, lastError: null });
    } catch (error) {
      this.schemaReady = false;
      this.state.failures += 1;
      this.nextTry = now.getTime() + backoffDelay(this.state.failures - 1, this.options.retry ?? RETRY);
      const message = (error as Error).message;
      if (this.state.state !== 'down' || this.state.lastError !== message) logger.warn({ err: error, failures: this.state.failures }, 'warehouse not written: retrying');
      Object.assign(this.state, { state: 'down', lastError: message });
    }
  }

  private async write(now: Date): Promise<void> {
    const { db, municipality } = this.options;
    const history = leaderHistory(db);
    const yesterday = addDays(osloDay(now.getTime()), -1);
    const mark = writtenDay(db);
    const refresh = mark !== yesterday || now.getTime() - this.lastDayWrite >= (this.options.dayRefreshMs ?? 3_600_000);
    let dayRows: DayRow[] = [];
    if (refresh) {
      const oldest = addDays(yesterday, -(MAX_CATCH_UP_DAYS - 1));
      const from = mark === null ? addDays(yesterday, -(BACKFILL_DAYS - 1)) : [addDays(mark, 1), addDays(yesterday, -(REWRITE_DAYS - 1))].sort()[0];
      const start = from < oldest ? oldest : from;
      dayRows = history.units().flatMap((unit) => unitDayRows(db, history, unit, start, yesterday, now));
    }
    const hourRows = unwrittenHourRows(db, HOURS_PER_ROUND);
    const client = await this.pool.connect();
    try {
      if (!this.schemaReady) await ensureSchema(client);
      this.schemaReady = true;
      await client.query('BEGIN');
      let changed = await upsertUnits(client, municipality, history.units());
      changed += await upsertHourRows(client, municipality, hourRows);
      changed += await upsertDayRows(client, municipality, dayRows);
      await client.query('COMMIT');
      this.state.rowsWritten += changed;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      // A broken connection is not handed out again.
      client.release(error as Error);
      throw error;
    }
    client.release();
    markHourRowsWritten(db, hourRows, now);
    if (refresh) {
      markDayWritten(db, yesterday);
      this.lastDayWrite = now.getTime();
    }
  }
}
