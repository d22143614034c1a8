/**
 * A small disk of its own for a test (root only): a tmpfs of a given size mounted on a folder, which
 * a filler file can fill to the last block and free again, or mounted read-only.
 */

import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Why small disks cannot be had here, or undefined when they can. */
export const NO_SMALL_DISK = process.getuid?.() === 0 ? undefined : 'mounting a tmpfs needs root (CI runs as root)';

export class SmallDisk {
  private constructor(readonly path: string) {}

  /** Mounts a tmpfs of `size` (e.g. '16m') on `path`, read-only if asked. */
  static mount(path: string, size: string, readOnly = false): SmallDisk {
    mkdirSync(path, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755${readOnly ? ',ro' : ''}`, 'tmpfs', path]);
    return new SmallDisk(path);
  }

  private get filler(): string {
    return join(this.path, 'filler');
  }

  /** Fills every free block with a file. */
  fill(): void {
    const fd = openSync(this.filler, 'a');
    const chunk = Buffer.alloc(64 * 1024, 0x2e);
    try {
      for (let size = chunk.length; size >= 1; size = size >> 1) {
        for (;;) {
          try {
            writeSync(fd, chunk, 0, size);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
            throw error;
          }
        }
      }
    } finally {
      closeSync(fd);
    }
  }

  /** Frees what fill() took. */
  free(): void {
    rmSync(this.filler, { force: true });
  }

  unmount(): void {
    execFileSync('umount', ['-l', this.path]);
  }
}
