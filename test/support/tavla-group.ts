/**
 * A hub and boards as `tavla` processes on one real Mosquitto, in one temporary folder: each process
 * gets its own data folder by name; `close` stops them all, the broker too, and attaches their
 * output to the test (always: `close` runs in the test's own `finally`, where the test's status
 * still reads "passed" whatever was thrown, so a failure could not be told apart there).
 */

import { join } from 'node:path';
import type { TestInfo } from '@playwright/test';
import { Mosquitto } from './mosquitto.js';
import { TavlaProcess, type TavlaOptions } from './tavla-process.js';
import { tempDir } from './temp-dir.js';

export class TavlaGroup {
  readonly #processes: TavlaProcess[] = [];

  private constructor(
    readonly folder: ReturnType<typeof tempDir>,
    readonly broker: Mosquitto,
    readonly municipality: string,
  ) {}

  static async start(municipality: string): Promise<TavlaGroup> {
    const folder = tempDir(`tavla-e2e-${municipality}-`);
    return new TavlaGroup(folder, await Mosquitto.start(folder.path), municipality);
  }

  /** The hub (`unit` omitted) or a board of `unit`, its data in a folder of its own. */
  async run(name: string, unit?: string, more: Partial<TavlaOptions> = {}): Promise<TavlaProcess> {
    const role = unit === undefined ? 'hub' : 'board';
    const started = await TavlaProcess.start({ role, municipality: this.municipality, unit, broker: this.broker.url, data: join(this.folder.path, name), ...more });
    this.#processes.push(started);
    return started;
  }

  async close(testInfo: TestInfo): Promise<void> {
    const body = this.#processes.map((p) => `== ${p.options.data}\n${p.output}`).join('\n');
    await testInfo.attach('tavla-logs', { body, contentType: 'text/plain' });
    await Promise.all(this.#processes.map((p) => p.stop()));
    await this.broker.kill();
    this.folder.remove();
  }
}
