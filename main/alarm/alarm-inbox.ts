/**
 * The hub's VKP inbox (`--vkp-inbox <dir>`): FHIR R4 bundles as *.json files, polled like the PLO
 * inbox. A bundle that imports (or was imported before) moves to `imported/`; one that cannot be
 * read moves to `rejected/` with `<name>.reason.txt` beside it; one the store could not take stays
 * and is tried again on a later poll. The same reader serves `POST /fhir/Bundle` (`takeVkpBundle`).
 */

import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { moveAside } from '../inbox-files.js';
import { logger } from '../log.js';
import { applyVkpAlarm, homeCareUnit, type AlarmTarget } from './alarm-ingest.js';
import type { FhirCheck } from './fhir-validator.js';
import { parseVkpBundle } from './vkp-bundle.js';

export interface BundleResult {
  outcome: 'imported' | 'duplicate' | 'rejected' | 'failed';
  alarmId: string | null;
  reason: string | null;
}

/** Reads and applies one bundle's text; never rejects. */
export async function takeVkpBundle(target: AlarmTarget, text: string, source: string | null): Promise<BundleResult> {
  try {
    const parsed = await parseVkpBundle(text, target.fhir);
    if (!parsed.ok) return { outcome: 'rejected', alarmId: null, reason: parsed.reason };
    const applied = applyVkpAlarm(target, parsed.alarm, source);
    return { outcome: applied.outcome, alarmId: applied.alarmId, reason: null };
  } catch (error) {
    logger.error({ err: error, source }, 'VKP bundle not saved');
    return { outcome: 'failed', alarmId: null, reason: `not saved: ${(error as Error).message}` };
  }
}

export interface VkpFileResult extends BundleResult {
  file: string;
  movedTo: string | null;
}

/** Polls `dir` once: every settled *.json file is taken and moved by its outcome. */
export async function pollVkpInbox(target: AlarmTarget, dir: string, settleMs = 1000, now = Date.now()): Promise<VkpFileResult[]> {
  mkdirSync(dir, { recursive: true });
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && extname(e.name).toLowerCase() === '.json')
    .map((e) => join(dir, e.name))
    .sort();
  const results: VkpFileResult[] = [];
  for (const file of files) {
    let text: string;
    try {
      if (now - statSync(file).mtimeMs < settleMs) continue;
      text = readFileSync(file, 'utf8');
    } catch {
      continue; // gone meanwhile, or not readable yet
    }
    const result = await takeVkpBundle(target, text, basename(file));
    let movedTo: string | null = null;
    if (result.outcome === 'rejected') movedTo = moveAside(file, join(dir, 'rejected'), result.reason ?? '');
    else if (result.outcome !== 'failed') movedTo = moveAside(file, join(dir, 'imported'));
    logger.info({ file: basename(file), outcome: result.outcome, reason: result.reason }, 'VKP bundle');
    results.push({ ...result, file, movedTo });
  }
  return results;
}

/** Polls the inbox every `intervalMs` until stopped; a poll still running is not overlapped. */
export function watchVkpInbox(target: () => AlarmTarget | undefined, dir: string, intervalMs = 1000): { poll(): Promise<VkpFileResult[]>; stop(): void } {
  let running: Promise<VkpFileResult[]> | undefined;
  const poll = (): Promise<VkpFileResult[]> => {
    if (running) return running;
    const t = target();
    if (!t) return Promise.resolve([]);
    running = pollVkpInbox(t, dir).finally(() => (running = undefined));
    return running;
  };
  const timer = setInterval(() => {
    poll().catch((error: unknown) => logger.error({ err: error, dir }, 'VKP inbox poll failed'));
  }, intervalMs);
  timer.unref();
  return { poll, stop: () => clearInterval(timer) };
}

/** What the hub's VKP readers share: its store, its mapping secret and its R4 checker. */
export interface VkpHub {
  store: AlarmTarget['store'];
  secret: Buffer;
  fhir: FhirCheck;
}

/** The hub's inbox at `dir`: alarms go to `unit`, else the only home-care unit (it waits until there is one). */
export function startVkpInbox(hub: VkpHub, dir: string, unit?: string): { poll(): Promise<VkpFileResult[]>; stop(): void } {
  let waitingLogged = false;
  mkdirSync(dir, { recursive: true });
  return watchVkpInbox(() => {
    try {
      const target = { ...hub, unit: homeCareUnit(hub.store.db, unit), now: () => new Date() };
      waitingLogged = false;
      return target;
    } catch (error) {
      if (!waitingLogged) logger.warn({ dir, reason: (error as Error).message }, 'VKP inbox waits');
      waitingLogged = true;
      return undefined;
    }
  }, dir);
}
