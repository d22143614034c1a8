/**
 * What the fault runs share: a real Mosquitto, a hub and boards as `tavla` processes in one
 * temporary folder, edits that count only once acknowledged, and the end checks — every
 * acknowledged edit on every replica, replicas equal field by field, `PRAGMA integrity_check` ok.
 */

import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { tempDir } from './temp-dir.js';
import { Mosquitto } from './mosquitto.js';
import { storedFields, TavlaProcess } from './tavla-process.js';
import { waitFor } from './wait.js';

export const M = 'testby';
export const UNIT = { name: 'Solsiden', kind: 'nursing-home', beds: [{ label: '101' }, { label: '102' }] };

/** A count from the environment (the long runs of `npm run test:fault`), else the small one of `npm test`. */
export function faultCount(name: string, small: number): number {
  const value = Number(process.env[`TAVLA_FAULT_${name}`]);
  return Number.isFinite(value) && value > 0 ? value : small;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class FaultWorld {
  readonly dir = tempDir('tavla-fault-');
  broker!: Mosquitto;
  readonly running: TavlaProcess[] = [];
  /** Task ids whose create was answered ok, by unit. */
  readonly acknowledged = new Map<string, string[]>();

  async start(): Promise<this> {
    this.broker = await Mosquitto.start(this.dir.path);
    return this;
  }

  async hub(args: string[] = [], broker = this.broker.url): Promise<TavlaProcess> {
    const p = await TavlaProcess.start({ role: 'hub', municipality: M, broker, data: `${this.dir.path}/hub`, args });
    this.running.push(p);
    return p;
  }

  async board(name: string, unit = 'solsiden', args: string[] = [], broker = this.broker.url): Promise<TavlaProcess> {
    const p = await TavlaProcess.start({ role: 'board', municipality: M, unit, broker, data: `${this.dir.path}/${name}`, args });
    this.running.push(p);
    return p;
  }

  /** Creates a task; its id counts as acknowledged only when the board answered ok. */
  async create(p: TavlaProcess, title: string): Promise<boolean> {
    try {
      const result = await p.call<{ id: string }>('task.create', { title });
      if (!result.ok || !result.value) return false;
      const unit = p.options.unit as string;
      this.acknowledged.set(unit, [...(this.acknowledged.get(unit) ?? []), result.value.id]);
      return true;
    } catch {
      return false; // the board is down: not acknowledged, so not promised
    }
  }

  /** Edits on a board until `until` resolves, one at a time (a nurse tapping); returns the acknowledged count. */
  async editUntil(p: TavlaProcess, until: Promise<unknown>, pauseMs = 20): Promise<number> {
    let done = false;
    void until.then(() => (done = true));
    let n = 0;
    while (!done) {
      if (await this.create(p, `${p.options.data.split('/').at(-1)}-${n}`)) n += 1;
      else await sleep(50);
      await sleep(pauseMs);
    }
    return n;
  }

  /**
   * Waits until the replicas of a scope are equal field by field (those `compared` keeps) and hold
   * every acknowledged task.
   */
  async expectConverged(scope: string, replicas: TavlaProcess[], timeout = 120_000, compared: (field: string) => boolean = () => true): Promise<void> {
    await waitFor(
      () => replicas.map((r) => storedFields(r.databaseFile, scope).filter(compared).join('\n')),
      (all) => all.every((fields) => fields === all[0]),
      { what: `${scope}: ${replicas.length} replicas to converge`, timeout, interval: 250 },
    );
    const wanted = this.acknowledged.get(scope) ?? [];
    for (const replica of replicas) {
      const held = new Set(storedFields(replica.databaseFile, scope).filter((f) => f.startsWith('task/')).map((f) => f.split('/')[1]));
      const missing = wanted.filter((id) => !held.has(id));
      expect(missing, `acknowledged tasks missing on ${replica.options.data}`).toEqual([]);
    }
  }

  /** PRAGMA integrity_check of every replica's file. */
  expectIntact(replicas: TavlaProcess[]): void {
    for (const replica of replicas) {
      const db = new Database(replica.databaseFile, { readonly: true, fileMustExist: true });
      try {
        expect(db.pragma('integrity_check', { simple: true }), replica.databaseFile).toBe('ok');
      } finally {
        db.close();
      }
    }
  }

  /** Waits until a replica is connected with an empty outbox. */
  drained(p: TavlaProcess, timeout = 60_000): Promise<unknown> {
    return waitFor(() => p.health(), (h) => h.broker === 'connected' && h.outbox === 0, { what: `${p.options.data} drained`, timeout, interval: 200 });
  }

  async stop(): Promise<void> {
    await Promise.all(this.running.splice(0).map((p) => p.stop('SIGKILL')));
    this.broker.signal('SIGCONT');
    await this.broker.kill();
    this.dir.remove();
  }
}
