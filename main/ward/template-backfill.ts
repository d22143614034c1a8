/**
 * The one-time backfill of template codes. Tasks made before tasks carried a code (migration 12)
 * named an IPLOS measure only in their title; the indicators now read the code alone
 * (shared/indicators/iplos.ts), so each such task is given its measure's code once, here.
 *
 * It runs at the start of the board of the unit that owns the tasks (main/board/board-assembly.ts):
 * only that unit's board writes its fields. The codes are written as ordinary local edits through
 * `FieldStore.commit` — stamped, in the outbox, audited — so the hub and the unit's other boards
 * learn them, and a replica that starts over from a peer gets them back. Idempotent: only tasks
 * without a code are touched, and a marker in `meta` (never synced) says it ran, so a task typed
 * later with a measure's words in its title is never coded and never counted.
 *
 * The title words below are read NOWHERE else: this is the only place a title says what a task means.
 */

import { logger } from '../log.js';
import type { FieldStore, RecordEdit } from '../store/field-store.js';

/** Backfill only: the lower-case words by which a title without a code named a measure, by template code. */
const LEGACY_TITLE_WORDS: Readonly<Record<string, readonly string[]>> = {
  'medication-review': ['legemiddelgjennomgang'],
  'nutrition-screening': ['ernæringskartlegging', 'ernæringsscreening'],
  'physician-assessment': ['legevurdering', 'legeundersøkelse'],
  'dental-assessment': ['tannhelse', 'tannlege'],
};

/** The meta key whose presence says the backfill ran on this replica (its value: when, and what it did). */
export const TEMPLATE_BACKFILL_MARKER = 'templateBackfill';

/** Tasks per commit: a large unit's history is coded in several transactions of bounded size. */
const BATCH = 500;

export interface TemplateBackfill {
  /** False when the marker said it had run before: nothing was read or written. */
  ran: boolean;
  /** Tasks given a code. */
  tasks: number;
  /** Of them, per template code. */
  byTemplate: Record<string, number>;
  /** Tasks without a code whose title names no measure (left as they are). */
  uncoded: number;
}

/** The template code a legacy title names; undefined when it names none. Backfill only. */
function legacyTemplateOfTitle(title: string): string | undefined {
  const lower = title.toLowerCase();
  return Object.keys(LEGACY_TITLE_WORDS).find((template) => LEGACY_TITLE_WORDS[template]?.some((word) => lower.includes(word)));
}

/**
 * Gives the unit's tasks without a template code the code their title names, once per replica, as
 * replicated edits by `actor` (the board). Returns what it did; logs it when it ran.
 */
export function backfillTemplateCodes(store: FieldStore, unit: string, actor: string, now: () => Date = () => new Date()): TemplateBackfill {
  const marker = store.db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
  if (marker.get(TEMPLATE_BACKFILL_MARKER) !== undefined) return { ran: false, tasks: 0, byTemplate: {}, uncoded: 0 };
  const rows = store.db
    .prepare('SELECT id, title FROM task WHERE unit = ? AND deleted = 0 AND template IS NULL ORDER BY id')
    .raw()
    .all(unit) as [string, string | null][];
  const outcome: TemplateBackfill = { ran: true, tasks: 0, byTemplate: {}, uncoded: 0 };
  const edits: RecordEdit[] = [];
  for (const [id, title] of rows) {
    const template = title === null ? undefined : legacyTemplateOfTitle(title);
    if (template === undefined) {
      outcome.uncoded += 1;
      continue;
    }
    edits.push({ c: 'task', id, fields: { template } });
    outcome.byTemplate[template] = (outcome.byTemplate[template] ?? 0) + 1;
  }
  for (let from = 0; from < edits.length; from += BATCH) {
    const batch = edits.slice(from, from + BATCH);
    store.commit({ actor, action: 'task.templateBackfill', collection: 'task', detail: `${batch.length} tasks given the template code their title named (one-time backfill)` }, batch);
    outcome.tasks += batch.length;
  }
  // After the commits: a crash between them runs it again, and it finds only the tasks still without a code.
  store.db
    .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING')
    .run(TEMPLATE_BACKFILL_MARKER, JSON.stringify({ at: now().toISOString(), tasks: outcome.tasks, byTemplate: outcome.byTemplate }));
  logger.info({ unit, tasks: outcome.tasks, byTemplate: outcome.byTemplate, uncoded: outcome.uncoded }, 'template codes backfilled once on tasks made before tasks carried one');
  return outcome;
}
