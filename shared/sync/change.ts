/** A field change: the unit of storage, sync and merge. Per-field last-writer-wins by stamp. */

import type { CollectionName, FieldValue } from '../domain/schema.js';

export interface Change {
  /** collection */
  c: CollectionName;
  /** record id */
  id: string;
  /** field */
  f: string;
  /** value */
  v: FieldValue;
  /** HLC stamp */
  s: string;
}

/** The merge rule: the incoming write wins only with a strictly greater stamp (equal = duplicate). */
export function incomingWins(incoming: string, existing: string | undefined): boolean {
  return existing === undefined || incoming > existing;
}
