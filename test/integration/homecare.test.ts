/**
 * A visit planned on a home-care board reaches the hub through a real Mosquitto (issue 15): the
 * hub's leader view counts it, late and not done alike, per unit and day. Board and hub are
 * separate `tavla` processes with their own SQLite files; the broker has a free port of its own.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VisitIndicatorsView } from '../../shared/api/commands/homecare.js';
import { osloDay } from '../../shared/time/oslo.js';
import { Mosquitto } from '../support/mosquitto.js';
import { TavlaProcess } from '../support/tavla-process.js';
import { tempDir } from '../support/temp-dir.js';
import { waitFor } from '../support/wait.js';

const M = 'testby';

describe('home-care visits through Mosquitto', () => {
  let dir: ReturnType<typeof tempDir>;
  let broker: Mosquitto;
  const running: TavlaProcess[] = [];

  beforeEach(async () => {
    dir = tempDir('tavla-homecare-');
    broker = await Mosquitto.start(dir.path);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((p) => p.stop('SIGKILL')));
    await broker.kill();
    dir.remove();
  });

  it('shows a visit planned on a board, and its outcome, in the hub’s visit figures', async () => {
    const hub = await TavlaProcess.start({ role: 'hub', municipality: M, broker: broker.url, data: `${dir.path}/hub` });
    running.push(hub);
    const board = await TavlaProcess.start({ role: 'board', municipality: M, unit: 'hjemme-nord', broker: broker.url, data: `${dir.path}/board` });
    running.push(board);
    await board.id('unit.configure', { name: 'Hjemmetjenesten nord', kind: 'home-care', beds: [] });
    const stay = await board.id('stay.admit', { name: 'Ola Hansen', initials: 'OH', birthDate: '1938-04-12' });
    // A window that ended an hour ago, never started: late, and counted as due and missed.
    const now = Date.now();
    const late = await board.id('visit.plan', {
      stayId: stay,
      from: new Date(now - 2 * 3_600_000).toISOString(),
      to: new Date(now - 3_600_000).toISOString(),
      title: 'Morgenmedisiner',
      route: 'Rute 1',
      order: 1,
    });
    const other = await board.id('visit.plan', { stayId: stay, from: new Date(now - 1_800_000).toISOString(), to: new Date(now + 1_800_000).toISOString(), title: 'Tilsyn', route: 'Rute 1', order: 2 });
    await board.id('visit.complete', { id: other, outcome: 'not-home' });
    expect(late).not.toBe(other);

    const today = osloDay(now);
    // The visits' windows may start on the Oslo day before when the test runs just after midnight.
    const days = [osloDay(now - 2 * 3_600_000), today];
    const seen = await waitFor(
      () => hub.post<VisitIndicatorsView>('leader.visits', { days: 2 }),
      (answer) => {
        const unit = answer.value?.units.find((u) => u.unit === 'hjemme-nord');
        const counted = unit?.days.filter((d) => days.includes(d.day)) ?? [];
        return counted.reduce((n, d) => n + d.planned, 0) === 2 && counted.reduce((n, d) => n + d.notHome, 0) === 1;
      },
      { what: 'the visits in the hub’s figures', timeout: 30_000 },
    );
    const unit = seen.value?.units.find((u) => u.unit === 'hjemme-nord');
    expect(unit?.name).toBe('Hjemmetjenesten nord');
    expect(unit?.patients).toBe(1);
    const counted = unit?.days.filter((d) => days.includes(d.day)) ?? [];
    const sum = (pick: (d: (typeof counted)[number]) => number) => counted.reduce((n, d) => n + pick(d), 0);
    expect({ due: sum((d) => d.due), within: sum((d) => d.withinWindow), notDone: sum((d) => d.notDone) }).toEqual({ due: 1, within: 0, notDone: 1 });
    // Aggregates only: no initials, name or title of the patient in the leader's answer.
    expect(JSON.stringify(seen)).not.toMatch(/Ola|Hansen|"OH"|Morgenmedisiner/);
  }, 90_000);
});
