/** The logger's file destination: after logToFile, the lines go into the file. */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { logger, logToFile } from '../../../main/log.js';
import { tempDir } from '../../support/temp-dir.js';

describe('logToFile', () => {
  const dir = tempDir('tavla-log-');
  afterEach(() => dir.remove());

  it('appends JSON lines to the file, making its folder', () => {
    const file = join(dir.path, 'nested', 'tavla.log');
    logToFile(file);
    logger.warn({ unit: 'solsiden' }, 'a line for the file');
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { msg: string; unit: string; level: number });
    expect(lines.at(-1)).toMatchObject({ msg: 'a line for the file', unit: 'solsiden', level: 40 });
  });
});
