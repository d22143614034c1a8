/** What `tavla` prints once a role has started: the runtimes return it, the CLI says it, in the order scripts wait for. */

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { boardSettings } from '../../../main/board/board-assembly.js';
import { hubCommand } from '../../../main/cli/hub-command.js';
import { parseCommandLine } from '../../../main/cli/options.js';
import { tempDir } from '../../support/temp-dir.js';

describe('tavla hub, once started', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir('tavla-hub-output-');
  });
  afterEach(() => dir.remove());

  it('prints the runtime\'s notices first, the operator token before the URL, then the leader addresses', async () => {
    const printed: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    const hub = await hubCommand({ municipality: 'testvik', data: dir.path, port: 0, brokerPort: 0, leaderPort: 0, leaderScreenPort: 0 }).finally(() => log.mockRestore());
    try {
      expect(hub.notices).toEqual([expect.stringMatching(/not configured: the leader addresses listen on 127\.0\.0\.1 only/)]);
      expect(printed).toEqual([
        hub.notices[0],
        `Tavla hub testvik (${hub.service.nodeId}), broker ${hub.brokerUrl}`,
        `operator token for GET /api/state (Authorization: Bearer): ${hub.operatorTokenFile}`,
        'Embedded broker: no TLS, no identities, no ACL: for development only (docs/security.md)',
        hub.host.url,
        `leader view: ${hub.leaderHost?.url}`,
        `leader screens (read-only): ${hub.leaderScreenHost?.url}`,
      ]);
    } finally {
      await hub.stop();
    }
  });
});

describe('a board\'s settings', () => {
  it('carry every option a board takes from the configuration to the assembly', () => {
    const command = parseCommandLine([
      'board',
      '--municipality',
      'fjordvik',
      '--unit',
      'solsiden',
      '--broker',
      'mqtt://127.0.0.1:1883',
      '--host-names',
      'tavla-solsiden.kommune.no',
      '--sync-period',
      '2.5',
      '--horizon',
      '36h',
    ]);
    if (command === 'help') throw new Error('parsed as help');
    const { options } = command;
    expect(boardSettings({ ...options, municipality: 'fjordvik', unit: 'solsiden' }, '/var/lib/tavla/solsiden')).toEqual({
      municipality: 'fjordvik',
      unit: 'solsiden',
      dataDir: '/var/lib/tavla/solsiden',
      broker: 'mqtt://127.0.0.1:1883',
      brokerCredentials: undefined,
      hostNames: ['tavla-solsiden.kommune.no'],
      syncPeriodMs: 2500,
      horizonMs: 36 * 3_600_000,
    });
  });
});
