/**
 * One process of simulated boards for the latency benchmark: each board edits once a second; every
 * edit's title carries its send time, so the receiving process (another one) measures the latency.
 */

import { performance } from 'node:perf_hooks';
import { attachSync } from '../main/board/board-assembly.js';
import { BoardService } from '../main/board/board-service.js';
import type { SyncEngine } from '../main/sync/sync-engine.js';
import { waitFor } from '../test/support/wait.js';

export interface WorkerPlan {
  broker: string;
  dir: string;
  municipality: string;
  boards: { unit: string; index: number }[];
}

/** Wall-clock ms with sub-ms precision, comparable between processes of one machine. */
const now = () => performance.timeOrigin + performance.now();

const plan = JSON.parse(process.argv[2] ?? '{}') as WorkerPlan;
const samples: number[] = [];
let sent = 0;
const boards: { service: BoardService; sync: SyncEngine; index: number }[] = plan.boards.map(({ unit, index }) => {
  const service = new BoardService({ dataDir: `${plan.dir}/board-${index}`, municipality: plan.municipality, unit });
  const sync = attachSync(service, plan.broker, (changes) => {
    const at = now();
    for (const change of changes) {
      if (change.f === 'title' && typeof change.v === 'string' && change.v.startsWith('e|')) samples.push(at - Number(change.v.split('|')[3]));
    }
  });
  return { service, sync, index };
});
await waitFor(() => boards.every((b) => b.service.syncStatus.broker === 'connected'), Boolean, { timeout: 30_000 });
const timers: NodeJS.Timeout[] = [];
process.on('message', (message: string) => {
  if (message === 'go') {
    for (const board of boards) {
      timers.push(
        setTimeout(() => {
          let n = 0;
          const edit = () => {
            sent += 1;
            const result = board.service.dispatch('task.create', { title: `e|${board.index}|${n++}|${now()}` });
            if (!result.ok) throw new Error(result.message);
          };
          timers.push(setInterval(edit, 1000));
        }, Math.random() * 1000),
      );
    }
  } else if (message === 'quiet') {
    timers.forEach((timer) => clearTimeout(timer));
  } else if (message === 'stop') {
    void Promise.all(boards.map((b) => b.sync.stop())).then(() => {
      boards.forEach((b) => b.service.close());
      process.send?.({ samples, sent }, () => process.exit(0));
    });
  }
});
process.send?.('ready');
