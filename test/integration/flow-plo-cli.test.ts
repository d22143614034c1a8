/**
 * `tavla import-plo` as an operator runs it: into a stopped hub's store, with progress per file,
 * an exit code that says whether every file imported, and the patients on the allocation office's
 * board once the hub is back.
 */

import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AllocationState } from '../../shared/api/commands/flow.js';
import { tempDir } from '../support/temp-dir.js';
import { Mosquitto } from '../support/mosquitto.js';
import { PATIENTS, ploMessage } from '../support/plo-messages.js';
import { wrongCheckDigit } from '../support/synthetic-national-id.js';
import { REPO, TavlaProcess } from '../support/tavla-process.js';
import { waitFor } from '../support/wait.js';

const M = 'testby';

function tavla(...args: string[]) {
  const run = spawnSync(process.execPath, [join(REPO, 'bin', 'tavla.js'), ...args], { encoding: 'utf8', env: { ...process.env, TAVLA_LOG: 'warn' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('tavla import-plo', () => {
  let dir: ReturnType<typeof tempDir>;
  let broker: Mosquitto;
  let folder: string;
  const running: TavlaProcess[] = [];

  const hubData = () => join(dir.path, 'hub');
  const start = async (options: ConstructorParameters<typeof TavlaProcess>[0]) => {
    const p = await TavlaProcess.start(options);
    running.push(p);
    return p;
  };

  beforeEach(async () => {
    dir = tempDir('tavla-plo-cli-');
    folder = join(dir.path, 'messages');
    mkdirSync(folder);
    broker = await Mosquitto.start(dir.path);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((p) => p.stop('SIGKILL')));
    await broker.kill();
    dir.remove();
  });

  it('refuses bad usage with the usage text on stderr and exit code 2', () => {
    for (const args of [['import-plo', folder], ['import-plo', '--municipality', M], ['import-plo', folder, '--municipality', M, '--bogus'], ['import-plo', join(dir.path, 'nothing-here'), '--municipality', M, '--data', hubData()]]) {
      const run = tavla(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/Usage: tavla/);
    }
  });

  it('imports a folder into a stopped hub with progress, sets a bad file aside, and the office board shows the patients after the hub starts', async () => {
    // Once up, so the hub knows the allocation office; then the hub stops for the import.
    let hub = await start({ role: 'hub', municipality: M, broker: broker.url, data: hubData() });
    const ao = await start({ role: 'board', municipality: M, unit: 'tildeling', broker: broker.url, data: join(dir.path, 'ao') });
    await ao.id('unit.configure', { name: 'Tildelingskontoret', kind: 'allocation-office', beds: [] });
    await waitFor(() => hub.state<{ units: { unit: unknown }[] }>(), (s) => s.units.some((u) => u.unit !== null), { what: 'hub knows the office' });

    // A running hub's store is not written behind its back.
    writeFileSync(join(folder, '1-kari.xml'), ploMessage({ type: 'LOG_UTSKRIVNINGSKLAR', patient: PATIENTS.kari }));
    const refused = tavla('import-plo', folder, '--municipality', M, '--data', hubData());
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/hub is running.*--plo-inbox/);
    await hub.stop('SIGTERM');

    writeFileSync(join(folder, '2-broken.xml'), '<MsgHead xmlns="http://www.kith.no/xmlstds/msghead/2006-05-24"><MsgInfo/></MsgHead>');
    writeFileSync(join(folder, '3-ola.xml'), ploMessage({ type: 'LOG_INNLAGT', patient: PATIENTS.ola }));
    // A slipped check digit from the hospital: taken all the same, and said.
    writeFileSync(join(folder, '4-ingrid.xml'), ploMessage({ type: 'LOG_INNLAGT', patient: { ...PATIENTS.ingrid, id: wrongCheckDigit(PATIENTS.ingrid.id) } }));
    const first = tavla('import-plo', folder, '--municipality', M, '--data', hubData());
    expect(first.code).toBe(1);
    expect(first.stdout.split('\n').filter(Boolean)).toEqual([
      '[1/4] 1-kari.xml: imported (LOG_UTSKRIVNINGSKLAR KN)',
      expect.stringMatching(/^\[2\/4\] 2-broken\.xml: REJECTED — missing field: MsgInfo\/Type@V → moved to .*rejected\/2-broken\.xml$/),
      '[3/4] 3-ola.xml: imported (LOG_INNLAGT OH)',
      '[4/4] 4-ingrid.xml: imported (LOG_INNLAGT IB) — the identity number fails its check (check-digits): imported as sent',
      '4 files: 3 imported, 0 already imported, 1 rejected, 0 not saved (into tildeling); 1 imported with an identity number that fails its check: have the sender correct it',
    ]);
    for (const secret of ['Nordmann', 'Hansen', 'Berg', PATIENTS.kari.id, PATIENTS.ola.id, wrongCheckDigit(PATIENTS.ingrid.id)]) expect(first.stdout).not.toContain(secret);
    expect(readdirSync(join(folder, 'rejected')).sort()).toEqual(['2-broken.xml', '2-broken.xml.reason.txt']);

    // Again: nothing new, and every file that is left counts as imported.
    const again = tavla('import-plo', folder, '--municipality', M, '--data', hubData());
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/3 files: 0 imported, 3 already imported, 0 rejected/);
    const single = tavla('import-plo', join(folder, '3-ola.xml'), '--municipality', M, '--data', hubData());
    expect(single.code).toBe(0);
    expect(single.stdout).toMatch(/^\[1\/1\] 3-ola\.xml: already imported/);

    hub = await start({ role: 'hub', municipality: M, broker: broker.url, data: hubData() });
    const seen = await waitFor(
      async () => (await ao.call<AllocationState>('flow.allocation')).value,
      (s) => s?.patients.length === 3,
      { what: 'the three patients on the office board', timeout: 30_000 },
    );
    expect(seen?.patients.map((p) => [p.initials, p.hospitalStatus]).sort()).toEqual([
      ['IB', 'admitted'],
      ['KN', 'discharge-ready'],
      ['OH', 'admitted'],
    ]);
  }, 90_000);
});
