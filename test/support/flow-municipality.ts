/**
 * The e2e municipality of patient flow: a real Mosquitto, the hub watching a PLO inbox, the
 * allocation office's board and a nursing home's board, each a `tavla` process with its own data
 * folder, both configured with a unit leader whose PIN the tests type. Logs are attached when a test
 * fails. Used by test/e2e/transfer*.spec.ts.
 */

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { tempDir } from './temp-dir.js';
import { Mosquitto } from './mosquitto.js';
import { TavlaProcess } from './tavla-process.js';

export const OFFICE_LEADER = { name: 'Siri Saksbehandler', role: 'unit-leader' as const, pin: '3579' };
export const HOME_LEADER = { name: 'Liv Leder', role: 'unit-leader' as const, pin: '2468' };

export interface FlowMunicipality {
  office: TavlaProcess;
  home: TavlaProcess;
  /** The hub's PLO inbox: a message written here reaches the office's board. */
  inbox: string;
  /** The broker every process uses; a test may kill and restart it. */
  broker: Mosquitto;
}

export const flowTest = base.extend<{ municipality: FlowMunicipality }>({
  // Playwright reads a fixture's dependencies from its destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  municipality: async ({}, use, testInfo) => {
    const dir = tempDir('tavla-e2e-flow-');
    const inbox = join(dir.path, 'plo-inbox');
    mkdirSync(inbox);
    const broker = await Mosquitto.start(dir.path);
    const started: TavlaProcess[] = [];
    const start = async (options: ConstructorParameters<typeof TavlaProcess>[0]) => {
      const p = await TavlaProcess.start(options);
      started.push(p);
      return p;
    };
    try {
      await start({ role: 'hub', municipality: 'e2e', broker: broker.url, data: join(dir.path, 'hub'), args: ['--plo-inbox', inbox] });
      const office = await start({ role: 'board', municipality: 'e2e', unit: 'tildeling', broker: broker.url, data: join(dir.path, 'office') });
      const home = await start({ role: 'board', municipality: 'e2e', unit: 'solsiden', broker: broker.url, data: join(dir.path, 'home') });
      // IT sets each board up with its unit leader, whose PIN the steps ask for.
      await office.script.signIn(OFFICE_LEADER);
      await home.script.signIn(HOME_LEADER);
      await office.id('unit.configure', { name: 'Tildelingskontoret', kind: 'allocation-office', beds: [] });
      await home.id('unit.configure', { name: 'Solsiden sykehjem', kind: 'nursing-home', beds: [{ label: '101' }, { label: '102' }] });
      await use({ office, home, inbox, broker });
    } finally {
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('tavla-logs', { body: started.map((p) => `== ${p.options.data}\n${p.output}`).join('\n'), contentType: 'text/plain' });
      }
      await Promise.all(started.map((p) => p.stop()));
      await broker.kill();
      dir.remove();
    }
  },
});
