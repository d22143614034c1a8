/**
 * `tavla vkp-map import|remove|list` (issue 15, point 3): a CSV maps patient identifiers to home-care
 * stays in a hub's store, row by row with a clear refusal, never printing or storing the identifier.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readMappingCsv, vkpMap } from '../../../main/cli/vkp-map.js';
import { parseCommandLine, type ParsedCommand } from '../../../main/cli/options.js';
import { mappedStay, vkpSecret, FNR_SYSTEM } from '../../../main/alarm/vkp-mapping.js';
import { HubService } from '../../../main/hub/hub-service.js';
import { seedMunicipality } from '../../support/municipality-fixture.js';
import { tempDir } from '../../support/temp-dir.js';

describe('tavla vkp-map', () => {
  let dir: ReturnType<typeof tempDir>;
  let hubDir: string;
  let printed: string[];

  beforeEach(() => {
    dir = tempDir('tavla-vkp-map-');
    hubDir = join(dir.path, 'hub');
    const hub = new HubService({ dataDir: hubDir, municipality: 'testvik' });
    seedMunicipality(hub, new Date('2026-03-02T09:00:00Z'));
    hub.store.commit({ actor: 'test', action: 'stay.admit' }, [
      { c: 'stay', id: 'h1', scope: 'hjemme', fields: { unit: 'hjemme', initials: 'IH', status: 'active', dischargedAt: null, deleted: false } },
    ]);
    hub.close();
    printed = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    dir.remove();
  });

  const run = (...args: string[]) => vkpMap(parseCommandLine(['vkp-map', ...args, '--data', hubDir]) as ParsedCommand);

  it('reads comma or semicolon files with the columns in any order, system optional', () => {
    expect(readMappingCsv('stay;identifier\nh1;13916900281\n\n')).toEqual([{ line: 2, identifier: '13916900281', stay: 'h1' }]);
    expect(readMappingCsv('\uFEFFidentifier,system,stay\r\n"13916900281",,h1\r\n')).toEqual([{ line: 2, identifier: '13916900281', stay: 'h1' }]);
    expect(() => readMappingCsv('fnr,stay\n1,2')).toThrow(/identifier,system,stay/);
  });

  it('maps the good rows, refuses the bad ones by line, and prints no identifier', () => {
    const file = join(dir.path, 'map.csv');
    // Row 5: a slipped check digit; row 6: 1970 with individual number 800, no century (both 11 digits, taken before).
    writeFileSync(file, `identifier,system,stay\n13916900281,${FNR_SYSTEM},h1\n1391690028,,h1\n01817000092,,nobody\n13916900282,,h1\n01017080039,,h1\n`);
    expect(run('import', file)).toBe(1);
    expect(printed).toEqual([
      'line 2: mapped to stay h1 (hjemme)',
      'line 3: REFUSED — the identifier is not 11 digits, as a fødselsnummer or D-nummer is',
      'line 4: REFUSED — the hub holds no stay nobody',
      "line 5: REFUSED — the identifier's date or check digits do not hold: check the number",
      "line 6: REFUSED — the identifier's individual number gives its year no century: check the number",
      '5 rows: 1 mapped, 4 refused',
    ]);
    const hub = new HubService({ dataDir: hubDir, municipality: 'testvik' });
    try {
      expect(mappedStay(hub.db, vkpSecret(hubDir), { system: FNR_SYSTEM, value: '13916900281' })).toEqual({ unit: 'hjemme', stay: 'h1', initials: 'IH' });
    } finally {
      hub.close();
    }
    expect(readFileSync(join(hubDir, 'hub.sqlite')).includes('13916900281')).toBe(false);
    printed.length = 0;
    expect(run('list')).toBe(0);
    expect(printed).toEqual([expect.stringMatching(/^hjemme\th1\tmapped .* by operator \(vkp-map\)\tactive$/)]);
    printed.length = 0;
    writeFileSync(file, 'identifier\n13916900281\n');
    expect(run('remove', file)).toBe(0);
    expect(printed[0]).toBe('line 2: removed');
    expect(printed.join('\n')).not.toContain('13916900281');
  });

  it('asks for the action and the file', () => {
    expect(() => parseCommandLine(['vkp-map', 'import'])).toThrow(/import <file.csv>/);
    expect(() => run('rename', 'x.csv')).toThrow(/not import, remove or list/);
  });
});
