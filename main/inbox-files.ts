/** Moving an inbox's file aside (the PLO and the VKP inboxes): never over another file, with its reason beside it when given. */

import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { logger } from './log.js';

/** Moves `file` into `folder`, with `<name>.reason.txt` beside it when a reason is given; the new path, or null when it could not. */
export function moveAside(file: string, folder: string, reason?: string): string | null {
  try {
    mkdirSync(folder, { recursive: true });
    let target = join(folder, basename(file));
    if (existsSync(target)) target = join(folder, `${Date.now()}-${basename(file)}`);
    if (reason !== undefined) writeFileSync(`${target}.reason.txt`, `${reason}\n`);
    renameSync(file, target);
    return target;
  } catch (error) {
    logger.error({ err: error, file }, 'could not move an inbox file aside');
    return null;
  }
}
