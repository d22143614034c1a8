/**
 * One process of simulated boards for `npm run bench:scale`: each board is a real BoardService
 * (its own SQLite file) with its own sync link; on `rate` it taps `task.create` at that many edits
 * per second, each title carrying its send time so the hub (another process) measures the latency.
 */

import { performance } from 'node:perf_hooks';
import { attachSync } from '../main/board/board-assembly.js';
import { BoardService } from '../main/board/board-service.js';
import type { SyncEngine } from '../main/sync/sync-engine.js';
import { waitFor } from '../test/support/wait.js';

export interface ScaleWorkerPlan {
  broker: string;
  dir: string;
  municipality: string;
  /** `configures`: the unit's first board names the unit and its beds. */
  boards: { unit: string; index: number; configures: boolean }[];
}

/** What the coordinator asks: a tap rate per board (0 stops tapping), a count, or the end. */
export type ScaleWorkerMessage = { rate: number } | 'count' | 'stop';

/** Wall-clock ms with sub-ms precision, comparable between processes of one machine. */
const now = () => performance.timeOrigin + performance.now();

const plan = JSON.parse(process.argv[2] ?? '{}') as ScaleWorkerPlan;
const boards: { service: BoardService; sync: SyncEngine; index: number; n: number }[] = plan.boards.map(({ unit, index, configures }) => {
  const service = new BoardService({ dataDir: `${plan.dir}/board-${index}`, municipality: plan.municipality, unit });
  if (configures) {
    const beds = Array.from({ length: 20 }, (_, i) => ({ label: String(101 + i) }));
    const result = service.dispatch('unit.configure', { name: `Avdeling ${unit.slice(5)}`, kind: index % 4 === 0 ? 'nursing-home' : 'short-term', beds });
    if (!result.ok) throw new Error(result.message);
  }
  // A digest round a minute, as a deployment would run it; the live changes are what is measured.
  const sync = attachSync(service, plan.broker, undefined, 60_000);
  return { service, sync, index, n: 0 };
});
await waitFor(() => boards.every((b) => b.service.syncStatus.broker === 'connected'), Boolean, { timeout: 120_000, what: 'boards connected' });

let timers: NodeJS.Timeout[] = [];
const stopTapping = () => {
  timers.forEach((timer) => clearTimeout(timer));
  timers = [];
};
const tap = (board: (typeof boards)[number]) => {
  const result = board.service.dispatch('task.create', { title: `e|${board.index}|${board.n++}|${now()}` });
  if (!result.ok) throw new Error(result.message);
};

process.on('message', (message: ScaleWorkerMessage) => {
  if (message === 'count') {
    process.send?.({ fields: boards.reduce((sum, b) => sum + b.service.store.localChanges, 0), edits: boards.reduce((sum, b) => sum + b.n, 0) });
  } else if (message === 'stop') {
    stopTapping();
    void Promise.all(boards.map((b) => b.sync.stop())).then(() => {
      boards.forEach((b) => b.service.close());
      process.send?.('stopped', () => process.exit(0));
    });
  } else {
    stopTapping();
    if (message.rate <= 0) return;
    const period = 1000 / message.rate;
    // Each board starts at a random point of its period, as screens tapped by different people.
    // The first tap comes at that point, so a board makes rate × seconds taps in a window.
    for (const board of boards) {
      timers.push(
        setTimeout(() => {
          tap(board);
          timers.push(setInterval(() => tap(board), period));
        }, Math.random() * period),
      );
    }
  }
});
process.send?.('ready');
