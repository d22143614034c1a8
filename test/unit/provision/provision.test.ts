import { cpSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { boardSettings } from '../../../main/board/board-assembly.js';
import { BoardService } from '../../../main/board/board-service.js';
import { parseOptions, readConfigFile } from '../../../main/config/options.js';
import { HubService } from '../../../main/hub/hub-service.js';
import { loadPseudonymKey, ploPatientKey, PseudonymSecret } from '../../../main/privacy/pseudonym.js';
import { aclText, MAX_PACKET_BYTES } from '../../../main/provision/broker-config.js';
import { readManifest } from '../../../main/provision/manifest.js';
import { provision, ProvisionError, renew, revoke } from '../../../main/provision/provision.js';
import { tempDir } from '../../support/temp-dir.js';
import { PATIENTS } from '../../support/plo-messages.js';

describe('tavla provision', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir('tavla-provision-');
  });
  afterEach(() => dir.remove());

  it('grants each board its unit and the hub the municipality, and nothing for a revoked identity', () => {
    const acl = aclText({
      v: 1,
      municipality: 'fjordvik',
      broker: { host: '127.0.0.1', port: 8883 },
      replicas: [
        { name: 'hub', identity: 'fjordvik-hub', role: 'hub' },
        { name: 'solsiden-1', identity: 'fjordvik-solsiden-1', role: 'board', unit: 'solsiden' },
        { name: 'solsiden-2', identity: 'fjordvik-solsiden-2', role: 'board', unit: 'solsiden', revokedAt: '2026-12-01T10:00:00Z' },
      ],
    });
    expect(acl.split('\n').filter((line) => line && !line.startsWith('#'))).toEqual([
      'user fjordvik-hub',
      'topic readwrite tavla/v1/fjordvik/#',
      'user fjordvik-solsiden-1',
      'topic readwrite tavla/v1/fjordvik/solsiden/#',
      'topic read tavla/v1/fjordvik/_hub/presence/#',
    ]);
  });

  it('caps packets a little above the protocol payload cap of 2 MiB', () => {
    expect(MAX_PACKET_BYTES).toBeGreaterThan(2 * 1024 * 1024);
    expect(MAX_PACKET_BYTES).toBeLessThanOrEqual(2 * 1024 * 1024 + 128 * 1024);
  });

  it('issues what is new on a second run, keeps what was issued, and refuses another municipality', async () => {
    const out = join(dir.path, 'out');
    const first = await provision({ out, municipality: 'fjordvik', units: ['solsiden'], boardsPerUnit: 1, brokerHost: 'mqtt.fjordvik.example' });
    expect(first.issued).toEqual(['hub', 'solsiden-1']);
    const key = readFileSync(join(out, 'solsiden-1', 'client.key'), 'utf8');
    const second = await provision({ out, municipality: 'fjordvik', units: ['solsiden', 'fjellro'], boardsPerUnit: 2 });
    expect(second).toMatchObject({ issued: ['solsiden-2', 'fjellro-1', 'fjellro-2'], kept: ['hub', 'solsiden-1'] });
    expect(readFileSync(join(out, 'solsiden-1', 'client.key'), 'utf8')).toBe(key);
    // The broker host stays as the first run set it.
    expect(JSON.parse(readFileSync(join(out, 'fjellro-2.json'), 'utf8'))).toMatchObject({ broker: 'mqtts://mqtt.fjordvik.example:8883', unit: 'fjellro' });
    await expect(provision({ out, municipality: 'sandvik', units: ['x'], boardsPerUnit: 1 })).rejects.toThrow(ProvisionError);
  });

  it('does not bring a revoked identity back on a later run', async () => {
    const out = join(dir.path, 'out');
    await provision({ out, municipality: 'fjordvik', units: ['solsiden'], boardsPerUnit: 2 });
    await revoke(out, 'solsiden-2');
    const again = await provision({ out, municipality: 'fjordvik', units: ['solsiden'], boardsPerUnit: 2 });
    expect(again.issued).toEqual([]);
    expect(readManifest(out)?.replicas.find((r) => r.name === 'solsiden-2')?.revokedAt).toBeDefined();
    expect(readFileSync(join(out, 'ca', 'index.txt'), 'utf8')).toMatch(/^R\t.*\/CN=fjordvik-solsiden-2$/m);
    await expect(revoke(out, 'solsiden-9')).rejects.toThrow(/no replica solsiden-9/);
  });

  it('refuses a tampered manifest with a clear error, changing nothing', async () => {
    const out = join(dir.path, 'out');
    await provision({ out, municipality: 'fjordvik', units: ['solsiden'], boardsPerUnit: 1 });
    const acl = readFileSync(join(out, 'broker', 'acl'), 'utf8');
    writeFileSync(join(out, 'provision.json'), JSON.stringify({ v: 1, municipality: 'fjordvik', broker: { host: 'x', port: 1 }, replicas: [{ name: '../etc', identity: 'x', role: 'root' }] }));
    await expect(provision({ out, municipality: 'fjordvik', units: ['solsiden'], boardsPerUnit: 1 })).rejects.toThrow(/provision\.json is not a Tavla provision manifest/);
    expect(readFileSync(join(out, 'broker', 'acl'), 'utf8')).toBe(acl);
  });

  it("writes the municipality's pseudonym secret once, keeps it on every later run, and gives each replica a copy its configuration names", async () => {
    const out = join(dir.path, 'out');
    const mode = (file: string) => statSync(file).mode & 0o777;
    await provision({ out, municipality: 'fjordvik', units: ['solsiden'], boardsPerUnit: 1 });
    const master = join(out, 'ca', 'pseudonym.key');
    const secret = readFileSync(master, 'utf8');
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}\n$/);
    expect(mode(master)).toBe(0o600);
    await provision({ out, municipality: 'fjordvik', units: ['solsiden', 'hjemmesykehus'], boardsPerUnit: 1 });
    await renew(out, 'solsiden-1');
    expect(readFileSync(master, 'utf8')).toBe(secret);
    for (const name of ['hub', 'solsiden-1', 'hjemmesykehus-1']) {
      const copy = join(out, name, 'pseudonym.key');
      expect(readFileSync(copy, 'utf8'), name).toBe(secret);
      expect(mode(copy), name).toBe(0o600);
      expect(JSON.parse(readFileSync(join(out, `${name}.json`), 'utf8')), name).toMatchObject({ pseudonymKey: `${name}/pseudonym.key` });
    }
  });

  it('gives a hub and a board started from their provisioned configurations the same key of a patient, wherever the folder is copied', async () => {
    const out = join(dir.path, 'out');
    await provision({ out, municipality: 'fjordvik', units: ['hjemmesykehus'], boardsPerUnit: 1 });
    // IT copies a board's pair to the board: the key's path is relative to the configuration file.
    const moved = join(dir.path, 'on-the-board');
    cpSync(join(out, 'hjemmesykehus-1'), join(moved, 'hjemmesykehus-1'), { recursive: true });
    cpSync(join(out, 'hjemmesykehus-1.json'), join(moved, 'board.json'));
    const hubOptions = parseOptions(readConfigFile(join(out, 'hub.json')));
    const boardOptions = parseOptions(readConfigFile(join(moved, 'board.json')));
    const hub = new HubService({ dataDir: join(dir.path, 'hub-data'), municipality: 'fjordvik', pseudonyms: loadPseudonymKey(hubOptions) });
    const settings = boardSettings({ ...boardOptions, municipality: 'fjordvik', unit: 'hjemmesykehus' }, join(dir.path, 'board-data'));
    const board = new BoardService({ dataDir: settings.dataDir, municipality: 'fjordvik', unit: 'hjemmesykehus', pseudonyms: settings.pseudonyms });
    try {
      const key = ploPatientKey(new PseudonymSecret(readFileSync(join(out, 'ca', 'pseudonym.key'), 'utf8').trim()), 'FNR', PATIENTS.kari.id);
      expect(ploPatientKey(hub.pseudonyms, 'FNR', PATIENTS.kari.id)).toBe(key);
      expect(ploPatientKey(board.pseudonyms, 'FNR', PATIENTS.kari.id)).toBe(key);
    } finally {
      hub.close();
      board.close();
    }
  });
});
