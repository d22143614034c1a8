/**
 * A board started where it cannot write says why, and exits 1: a read-only folder (a read-only
 * tmpfs as root, a folder without write permission otherwise), and a store whose disk was made
 * read-only after it was created (root only: a remount).
 */

import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoardService } from '../../main/board/board-service.js';
import { tempDir } from '../support/temp-dir.js';
import { NO_SMALL_DISK, SmallDisk } from '../support/small-disk.js';
import { TavlaProcess } from '../support/tavla-process.js';

const failedStart = (data: string) =>
  TavlaProcess.start({ role: 'board', municipality: 'testby', unit: 'solsiden', data }).then(
    () => new Error('the board started'),
    (failure: Error) => failure,
  );

describe('a board on a folder it cannot write', () => {
  let dir: ReturnType<typeof tempDir>;
  const mounted: SmallDisk[] = [];
  beforeEach(() => {
    dir = tempDir('tavla-ro-');
  });
  afterEach(() => {
    mounted.splice(0).forEach((disk) => disk.unmount());
    chmodSync(dir.path, 0o755);
    dir.remove();
  });

  it('says the data folder is read-only', async () => {
    const folder = join(dir.path, 'ro');
    if (NO_SMALL_DISK) {
      mkdirSync(folder);
      chmodSync(folder, 0o555);
    } else {
      mounted.push(SmallDisk.mount(folder, '1m', true));
    }
    const error = await failedStart(folder);
    expect(error.message).toMatch(/exited with 1/);
    expect(error.message).toContain(`the data folder ${folder} is read-only`);
  });

  it.skipIf(NO_SMALL_DISK !== undefined)('says so too when the disk of an existing store became read-only (needs root)', async () => {
    const folder = join(dir.path, 'store');
    const disk = SmallDisk.mount(folder, '8m');
    mounted.push(disk);
    new BoardService({ dataDir: folder, municipality: 'testby', unit: 'solsiden' }).close();
    execFileSync('mount', ['-o', 'remount,ro', folder]);
    const error = await failedStart(folder);
    expect(error.message).toContain(`the data folder ${folder} is read-only`);
  });
});
