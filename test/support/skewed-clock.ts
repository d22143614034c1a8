/**
 * A real skewed wall clock for a `tavla` process: libfaketime (Debian's `faketime` package) preloaded,
 * its offset read from a file the test rewrites, so a running board's clock can be set wrong and put
 * right the way an operator (or NTP) would. The monotonic clock stays true, as it does on a real
 * machine whose time is set.
 */

import { existsSync, writeFileSync } from 'node:fs';

export const FAKETIME_LIB = ['/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1', '/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1'].find((path) => existsSync(path));

export class SkewedClock {
  constructor(readonly file: string) {
    this.set(0);
  }

  /** The environment that puts a process on this clock. */
  get env(): Record<string, string> {
    if (!FAKETIME_LIB) throw new Error('libfaketime is not installed: run `npm run system-deps`');
    return { LD_PRELOAD: FAKETIME_LIB, FAKETIME_TIMESTAMP_FILE: this.file, FAKETIME_DONT_FAKE_MONOTONIC: '1', FAKETIME_CACHE_DURATION: '1' };
  }

  /** Sets the clock `seconds` off true time (0: right); a running process sees it within a second. */
  set(seconds: number): void {
    writeFileSync(this.file, `${seconds >= 0 ? '+' : ''}${seconds}\n`);
  }
}
