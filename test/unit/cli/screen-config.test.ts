/** An Electron screen's configuration file: a unit's board, or a leader screen on the hub's leader view. */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoardConfigError, leaderScreenAllows, readScreenConfig, type LeaderScreenConfig } from '../../../main/electron/board-config.js';
import { tempDir } from '../../support/temp-dir.js';

describe('screen configuration file', () => {
  let dir: ReturnType<typeof tempDir>;
  const read = (content: unknown) => {
    const file = join(dir.path, 'board.json');
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return readScreenConfig(file, join(dir.path, 'user-data'));
  };
  beforeEach(() => {
    dir = tempDir('tavla-screen-config-');
  });
  afterEach(() => dir.remove());

  it('reads a board, with its data folder taken from the file\'s folder', () => {
    expect(read({ municipality: 'fjordvik', unit: 'solsiden', data: 'data', broker: 'mqtt://10.0.4.2:1883' })).toEqual({
      screen: 'board',
      file: join(dir.path, 'board.json'),
      municipality: 'fjordvik',
      unit: 'solsiden',
      dataDir: join(dir.path, 'data'),
      broker: 'mqtt://10.0.4.2:1883',
      port: undefined,
    });
  });

  it('carries every option of a headless board to the one board assembly: the sync period, horizon and host names too', () => {
    expect(read({ municipality: 'fjordvik', unit: 'solsiden', syncPeriod: 5, horizon: '36h', hostNames: 'tavla-solsiden.kommune.no', port: 4781 })).toMatchObject({
      screen: 'board',
      dataDir: join(dir.path, 'user-data', 'data', 'fjordvik', 'solsiden'),
      syncPeriodMs: 5000,
      horizonMs: 36 * 3_600_000,
      hostNames: ['tavla-solsiden.kommune.no'],
      port: 4781,
    });
  });

  it('reads a leader screen: the hub\'s leader address and nothing of a unit', () => {
    expect(read({ screen: 'leader', hub: 'http://tavla-hub.fjordvik.kommune.no:4701/' })).toEqual({
      screen: 'leader',
      file: join(dir.path, 'board.json'),
      hubUrl: 'http://tavla-hub.fjordvik.kommune.no:4701/',
    });
  });

  it.each([
    [{ screen: 'leader' }, /needs "hub"/],
    [{ screen: 'leader', hub: 'file:///etc/passwd' }, /hub: the http:\/\/ or https:\/\/ address/],
    [{ screen: 'leader', hub: 'not a url' }, /hub: the http:\/\/ or https:\/\/ address/],
    [{ screen: 'leader', hub: 'http://hub:4701/', unit: 'solsiden', data: 'x' }, /keeps no unit of its own; remove "unit", "data"/],
    [{ screen: 'leader', hub: 'http://hub:4701/', syncPeriod: 5 }, /keeps no unit of its own; remove "syncPeriod"/],
    [{ screen: 'wall', hub: 'http://hub:4701/' }, /screen:/],
    [{ municipality: 'fjordvik', unit: 'solsiden', hub: 'http://hub:4701/' }, /add "screen": "leader"/],
    [{ municipality: 'fjordvik' }, /must name both "municipality" and "unit"/],
    ['{ "municipality": ', /not valid JSON/],
  ])('refuses %j saying what to fix', (content, message) => {
    expect(() => read(content)).toThrow(BoardConfigError);
    expect(() => read(content)).toThrow(message);
  });

  it('keeps a leader screen on the hub\'s origin', () => {
    const config: LeaderScreenConfig = { screen: 'leader', file: 'x', hubUrl: 'http://tavla-hub:4701/' };
    expect(leaderScreenAllows(config, 'http://tavla-hub:4701/')).toBe(true);
    expect(leaderScreenAllows(config, 'http://tavla-hub:4701/index.html?tab=flow')).toBe(true);
    for (const url of ['http://tavla-hub:4700/api/state', 'https://tavla-hub:4701/', 'http://evil.example/', 'http://user:pw@tavla-hub:4701/', 'tavla://board/index.html', 'nonsense']) {
      expect(leaderScreenAllows(config, url), url).toBe(false);
    }
  });
});
